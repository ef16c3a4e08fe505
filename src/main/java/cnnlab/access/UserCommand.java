package cnnlab.access;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code user add NAME --users FILE [--admin]}: adds a lab user, asking for the password (stored only as a hash). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the lab's users (for --users).")
public final class UserCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "add") String action;
    @Parameters(index = "1", description = "user name") String name;
    @Option(names = "--users", required = true, description = "the users file (created if missing)") Path file;
    @Option(names = "--admin", description = "may open the admin page") boolean admin;
    @Option(names = "--password-stdin", description = "read the password from standard input (scripts)") boolean stdin;

    @Override
    public Integer call() throws Exception {
        if (!"add".equals(action)) {
            System.err.println("unknown action '" + action + "': use 'user add NAME --users FILE'");
            return 2;
        }
        char[] password = readPassword();
        if (password == null) return 1;
        try {
            UsersFile.put(file, name, password, admin);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
        System.out.println((admin ? "admin " : "student ") + name + " added to " + file);
        return 0;
    }

    private char[] readPassword() throws java.io.IOException {
        Console console = System.console();
        if (!stdin && console != null) {
            char[] a = console.readPassword("password for %s: ", name), b = console.readPassword("again: ");
            if (a == null || !Arrays.equals(a, b)) {
                System.err.println("the passwords differ");
                return null;
            }
            return a;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            System.err.println("no password on standard input");
            return null;
        }
        return line.toCharArray();
    }
}
