package cnnlab.access;

import org.eclipse.jetty.util.security.Credential;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A password as the users file stores it: {@code PBKDF2:sha256:<iterations>:<salt>:<hash>} (base64), never the
 * password itself. PBKDF2-HMAC-SHA256 ships with every JDK, so no extra library; 210,000 iterations is OWASP's
 * current advice for it. Jetty's login service reads such lines through {@link Pbkdf2CredentialProvider}.
 */
public final class PasswordHash extends Credential {
    public static final String PREFIX = "PBKDF2:";
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt, hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** Reads a stored hash; throws IllegalArgumentException for anything else (a plain password, say). */
    public static PasswordHash parse(String stored) {
        String[] p = stored.trim().split(":");
        if (p.length != 5 || !(p[0] + ":").equals(PREFIX) || !p[1].equals("sha256")) {
            throw new IllegalArgumentException("not a PBKDF2:sha256 password hash");
        }
        try {
            int iterations = Integer.parseInt(p[2]);
            if (iterations < 10_000) throw new IllegalArgumentException("too few PBKDF2 iterations: " + iterations);
            Base64.Decoder b64 = Base64.getDecoder();
            return new PasswordHash(iterations, b64.decode(p[3]), b64.decode(p[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a PBKDF2:sha256 password hash");
        }
    }

    @Override
    public boolean check(Object credentials) {
        char[] password = credentials instanceof char[] c ? c : credentials instanceof String s ? s.toCharArray() : null;
        if (password == null) return false;
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));   // constant time
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The same stored hash: how the login service tells that a logged-in user's password has since changed. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash h && iterations == h.iterations && Arrays.equals(salt, h.salt) && MessageDigest.isEqual(hash, h.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "sha256:" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }
}
