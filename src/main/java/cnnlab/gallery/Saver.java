package cnnlab.gallery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who saves a picture, as the gallery's quota counts them: with the login on, the user (all their sessions, on every
 * instance); with it off, the browser session, and also the client's address so that a script opening a new session
 * per picture still meets a limit. The gallery keeps {@code key} with each picture (for the per-student total and the
 * admin's "remove all by this student") and {@code address} only in its log of the last hour's saves.
 *
 * <p>Neither is shown to students. A session is kept as a hash of its id (the id is a credential), whose first six hex
 * digits are the name the admin page gives the session ({@code LabSessions.nameOf}); an address is kept hashed, so that
 * a glance at the database shows no one's address ("" when it is not counted).
 */
public record Saver(String key, String address) {
    private static final String USER = "user:", SESSION = "session:";

    public Saver {
        if (key == null || !(key.startsWith(USER) || key.startsWith(SESSION))) throw new IllegalArgumentException("not a saver: " + key);
        address = address == null ? "" : address;
    }

    /** A logged-in user: counted by name, whatever session or address they save from. */
    public static Saver user(String name) {
        return new Saver(USER + name, "");
    }

    /** A browser session (login off) from {@code clientAddress}; a null or blank address is not counted. */
    public static Saver session(String sessionId, String clientAddress) {
        return new Saver(SESSION + sha256(sessionId, 16),
                clientAddress == null || clientAddress.isBlank() ? "" : sha256(clientAddress.trim(), 8));
    }

    /** How the admin's pages name the saver of {@code key}: "user ann", "session 3fa2c1" (as on the admin page). */
    public static String describe(String key) {
        if (key.startsWith(USER)) return "user " + key.substring(USER.length());
        if (key.startsWith(SESSION)) return "session " + key.substring(SESSION.length(), SESSION.length() + 6);
        return "an unknown student";
    }

    private static String sha256(String s, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
