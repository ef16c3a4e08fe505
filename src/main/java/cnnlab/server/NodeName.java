package cnnlab.server;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The name of one instance when several run behind a proxy (env CNNLAB_NODE). Jetty appends it to every session id
 * ({@code JSESSIONID=<id>.node1}), which is what lets nginx send all requests of a session, push WebSocket included, back
 * to the instance that holds it. Kept to lower-case letters and digits so it is safe in a cookie and an nginx regex.
 */
public final class NodeName {
    public static final String ENV = "CNNLAB_NODE";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{1,16}");

    private NodeName() { }

    /** The node name from the environment, or null when none is set (a single instance needs none). */
    public static String from(Map<String, String> env) {
        String name = env.get(ENV);
        if (name == null || name.isBlank()) return null;
        return check(name.trim());
    }

    /** The name itself if valid, else an IllegalArgumentException saying what is allowed. */
    public static String check(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(ENV + " must be 1 to 16 lower-case letters or digits, got: " + name);
        }
        return name;
    }
}
