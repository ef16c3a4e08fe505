package cnnlab.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {
    @TempDir
    Path dir;

    @Test
    void theRightPasswordMatchesAndNothingElseDoes() {
        PasswordHash h = PasswordHash.of("correct horse".toCharArray());
        PasswordHash read = PasswordHash.parse(h.toString());
        assertTrue(read.check("correct horse"));
        assertTrue(read.check("correct horse".toCharArray()));
        assertFalse(read.check("correct horsf"));
        assertFalse(read.check(""));
        assertFalse(read.check(42));
        assertTrue(h.toString().startsWith("PBKDF2:sha256:210000:"));
        assertFalse(h.toString().contains("correct"));
        assertNotEquals(h.toString(), PasswordHash.of("correct horse".toCharArray()).toString(), "a fresh salt each time");
        assertEquals(read, PasswordHash.parse(h.toString()), "one stored line, read twice (each reload of the users file)");
        assertNotEquals(read, PasswordHash.of("correct horse".toCharArray()), "the same password hashed again is a changed line");
    }

    @Test
    void anythingButAHashIsRefused() {
        for (String s : List.of("hunter2", "MD5:0123", "PBKDF2:sha1:1000:AA==:AA==", "PBKDF2:sha256:100:AA==:AA==", "PBKDF2:sha256:x:AA==:AA==")) {
            assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(s), s);
        }
    }

    @Test
    void jettyReadsTheHashThroughTheProvider() {
        String stored = PasswordHash.of("s3cret-pass".toCharArray()).toString();
        assertTrue(org.eclipse.jetty.util.security.Credential.getCredential(stored).check("s3cret-pass"));
        assertFalse(org.eclipse.jetty.util.security.Credential.getCredential(stored).check("wrong"));
    }

    @Test
    void theUsersFileHoldsHashesAndRolesAndRefusesPlainPasswords() throws Exception {
        Path file = dir.resolve("users.properties");
        UsersFile.put(file, "ann", "ann-password".toCharArray(), true);
        UsersFile.put(file, "ben", "ben-password".toCharArray(), false);
        UsersFile.put(file, "ben", "ben-new-password".toCharArray(), false);   // replaces
        Map<String, UsersFile.User> users = UsersFile.read(file);
        assertEquals(List.of("ann", "ben"), List.copyOf(users.keySet()));
        assertEquals(List.of("student", "admin"), users.get("ann").roles());
        assertEquals(List.of("student"), users.get("ben").roles());
        assertTrue(PasswordHash.parse(users.get("ben").hash()).check("ben-new-password"));
        assertFalse(Files.readString(file).contains("ann-password") || Files.readString(file).contains("ben-new-password"), "no password in the file");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        assertThrows(IllegalArgumentException.class, () -> UsersFile.put(file, "cy", "short".toCharArray(), false));
        assertThrows(IllegalArgumentException.class, () -> UsersFile.put(file, "bad name", "long enough".toCharArray(), false));
        Files.writeString(file, "eve: plaintext, student\n", java.nio.file.StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UsersFile.read(file));
        assertTrue(e.getMessage().contains("eve") && e.getMessage().contains("not a PBKDF2 hash"), e.getMessage());
    }
}
