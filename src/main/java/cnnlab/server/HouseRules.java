package cnnlab.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How one shared server treats its many users: when an idle session is closed, how often a page proves it is still
 * there (a vanished page's jobs end after about three missed heartbeats), how many API calls one client may make,
 * which reverse proxies are believed about the client's address, and what one client may hold of the HTTP side.
 * Read from the environment: CNNLAB_IDLE_MINUTES (30), CNNLAB_HEARTBEAT_SECONDS (60), CNNLAB_API_RATE (10 per
 * second, bursts of three seconds' worth), CNNLAB_BEHIND_PROXY (false; see {@link TrustedProxies}), CNNLAB_USERS
 * (no login; a users file turns the login on, see {@code cnn-lab user add}), and {@link ConnectionRules}'s.
 */
public record HouseRules(Duration idleTimeout, Duration heartbeat, double apiPerSecond, int apiBurst, TrustedProxies proxies,
                         Path users, ConnectionRules connections) {
    public static final HouseRules DEFAULT = new HouseRules(Duration.ofMinutes(30), Duration.ofSeconds(60), 10, 30, TrustedProxies.NONE,
            null, ConnectionRules.DEFAULT);

    public HouseRules {
        if (idleTimeout.toSeconds() < 1) throw new IllegalArgumentException("idle timeout must be at least a second");
        if (heartbeat.toSeconds() < 1) throw new IllegalArgumentException("heartbeat must be at least a second");
        if (!(apiPerSecond > 0) || apiBurst < 1) throw new IllegalArgumentException("API rate must be positive");
    }

    public static HouseRules from(Map<String, String> env) {
        long idle = number(env, "CNNLAB_IDLE_MINUTES", DEFAULT.idleTimeout.toMinutes());
        long beat = number(env, "CNNLAB_HEARTBEAT_SECONDS", DEFAULT.heartbeat.toSeconds());
        long rate = number(env, "CNNLAB_API_RATE", (long) DEFAULT.apiPerSecond);
        String users = env.get("CNNLAB_USERS");
        return new HouseRules(Duration.ofMinutes(idle), Duration.ofSeconds(beat), rate, (int) Math.min(Integer.MAX_VALUE, rate * 3),
                TrustedProxies.parse(env.get("CNNLAB_BEHIND_PROXY")), users == null || users.isBlank() ? null : Path.of(users.trim()),
                ConnectionRules.from(env));
    }

    /** A whole number of at least 1 from {@code env}, or the fallback when unset; the message names the variable. */
    public static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1) throw new IllegalArgumentException(name + " must be at least 1: " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: " + v);
        }
    }

    public HouseRules withIdleTimeout(Duration d) {
        return new HouseRules(d, heartbeat, apiPerSecond, apiBurst, proxies, users, connections);
    }

    public HouseRules withHeartbeat(Duration d) {
        return new HouseRules(idleTimeout, d, apiPerSecond, apiBurst, proxies, users, connections);
    }

    /** With the login on, against this users file (null: no login). */
    public HouseRules withUsers(Path file) {
        return new HouseRules(idleTimeout, heartbeat, apiPerSecond, apiBurst, proxies, file, connections);
    }

    public HouseRules withApiRate(double perSecond, int burst) {
        return new HouseRules(idleTimeout, heartbeat, perSecond, burst, proxies, users, connections);
    }

    /** Behind these proxies (client addresses from their X-Forwarded-For). */
    public HouseRules withProxies(TrustedProxies p) {
        return new HouseRules(idleTimeout, heartbeat, apiPerSecond, apiBurst, p, users, connections);
    }

    public HouseRules withConnections(ConnectionRules c) {
        return new HouseRules(idleTimeout, heartbeat, apiPerSecond, apiBurst, proxies, users, c);
    }
}
