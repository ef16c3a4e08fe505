package cnnlab.access;

import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A name not in the users file costs a PBKDF2 derivation too, so the time a refusal takes does not tell names apart. */
class LabLoginServiceTest {
    @TempDir
    Path dir;

    /** Counts its checks (each one a full PBKDF2 derivation in the real hash it wraps). */
    private static final class CountingCredential extends Credential {
        private final Credential hash;
        int checks;

        CountingCredential(Credential hash) {
            this.hash = hash;
        }

        @Override
        public boolean check(Object credentials) {
            checks++;
            return hash.check(credentials);
        }
    }

    @Test
    void anUnknownNameIsCheckedAgainstADummyHashAKnownOneAgainstItsOwn() throws Exception {
        Path file = dir.resolve("users.properties");
        UsersFile.put(file, "ann", "ann-password".toCharArray(), false);
        CountingCredential dummy = new CountingCredential(PasswordHash.of("never-anyone's".toCharArray()));
        LabLoginService users = new LabLoginService(ResourceFactory.root().newResource(file), dummy);
        users.start();
        try {
            assertNull(users.login("nobody", "a-guess", null, null));
            assertEquals(1, dummy.checks, "the unknown name's password was hashed");
            assertNull(users.login(null, "a-guess", null, null));
            assertEquals(2, dummy.checks, "so was a form without a name");
            assertNull(users.login("ann", "a-guess", null, null));
            assertNotNull(users.login("ann", "ann-password", null, null));
            assertEquals(2, dummy.checks, "ann's guesses were checked against her own hash");
        } finally {
            users.stop();
        }
    }
}
