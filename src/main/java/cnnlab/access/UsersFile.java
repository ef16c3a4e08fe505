package cnnlab.access;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lab's users, one per line in Jetty's format {@code name: PBKDF2:sha256:..., role[, role]}; roles are
 * {@code student} and {@code admin}. A line whose password is not a hash is refused, so a plain-text password can
 * never be used (the server will not start with one). Written atomically, readable by its owner only.
 */
public final class UsersFile {
    public static final String STUDENT = "student", ADMIN = "admin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** One user's line. */
    public record User(String name, String hash, List<String> roles) { }

    private UsersFile() { }

    /** Reads and checks every line; throws IllegalArgumentException naming the bad line. */
    public static Map<String, User> read(Path file) throws IOException {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'name: hash, role'");
            String name = line.substring(0, colon).trim();
            String[] rest = line.substring(colon + 1).split(",");
            try {
                PasswordHash.parse(rest[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " (" + name + "): the password is not a PBKDF2 hash;"
                        + " add users with 'cnn-lab user add'");
            }
            List<String> roles = new ArrayList<>();
            for (int r = 1; r < rest.length; r++) roles.add(rest[r].trim());
            if (!NAME.matcher(name).matches()) throw new IllegalArgumentException(file + " line " + (i + 1) + ": bad user name " + name);
            users.put(name, new User(name, rest[0].trim(), List.copyOf(roles)));
        }
        return users;
    }

    /** Adds or replaces a user, hashing the password. */
    public static void put(Path file, String name, char[] password, boolean admin) throws IOException {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("a user name is 1-32 letters, digits, '.', '_' or '-'");
        if (password.length < 8) throw new IllegalArgumentException("a password needs at least 8 characters");
        Map<String, User> users = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        users.put(name, new User(name, PasswordHash.of(password).toString(), admin ? List.of(STUDENT, ADMIN) : List.of(STUDENT)));
        StringBuilder text = new StringBuilder("# CNN Lab users: name: password hash, roles. Add with 'cnn-lab user add'.\n");
        for (User u : users.values()) text.append(u.name()).append(": ").append(u.hash()).append(", ").append(String.join(", ", u.roles())).append('\n');
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".users", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
