package cnnlab.access;

import cnnlab.nn.ShippedModel;
import cnnlab.server.HouseRules;
import cnnlab.server.LabConfig;
import cnnlab.server.LabServer;
import cnnlab.server.RunningLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional login over real HTTP: closed until logged in, except the health check and the login page. */
class AccessControlTest {
    @TempDir
    static Path dir;
    static LabServer server;
    static String base;
    static Path users;

    @BeforeAll
    static void start() throws Exception {
        RunningLab.url();   // the shared lab keeps its models when this server stops
        users = dir.resolve("users.properties");
        UsersFile.put(users, "ann", "ann-password".toCharArray(), true);
        UsersFile.put(users, "ben", "ben-password".toCharArray(), false);
        // each attack below has its own accounts: a throttled or removed account must not disturb the other tests
        for (String name : new String[]{"cy", "dee", "eve", "fay"}) UsersFile.put(users, name, (name + "-password").toCharArray(), false);
        UsersFile.put(users, "gus", "gus-password".toCharArray(), true);
        server = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS), HouseRules.DEFAULT.withUsers(users));
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> login(HttpClient c, String user, String password) throws Exception {
        get(c, "/");   // as a browser: the page asked for first is where the login returns to
        return c.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(user, password))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String user, String password) {
        return "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /** An answer's status and headers (lower-case names; the last of a repeated header). */
    private record Answer(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * The login form posted by a script at {@code from}: every 127.x.y.z address is another client to the server (Linux
     * routes all of 127/8 to the loopback device), so each attack gets its own address.
     */
    private static Answer postLogin(String from, String user, String password, String accept) throws IOException {
        byte[] body = form(user, password).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", URI.create(base).getPort()), 10_000);
            s.setSoTimeout(60_000);
            String head = "POST /j_security_check HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(body);
            String[] lines = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0].split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers);
        }
    }

    private static String sessionCookie(HttpClient c) {
        CookieManager cookies = (CookieManager) c.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse("");
    }

    /** Rewrites one user's line of the users file, as an admin's editor would. */
    private static void editUser(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(users)) {
            if (!line.startsWith(name + ":")) lines.add(line);
            else if (edit.apply(line) != null) lines.add(edit.apply(line));
        }
        Files.write(users, lines);
    }

    /** Seconds until {@code user}'s open session ends after {@code change} (polling its next requests); fails after 60 s. */
    private static double secondsUntilTheSessionEnds(String user, String password, IORunnable change) throws Exception {
        HttpClient c = browserLike();
        login(c, user, password);
        assertEquals(200, get(c, "/").statusCode(), user + " is in");
        String session = sessionCookie(c);
        long t0 = System.nanoTime();
        change.run();
        while (get(c, "/").statusCode() == 200) {
            if (System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) throw new AssertionError(user + "'s session still open 60 s after the change");
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(session, sessionCookie(c), "the old session was ended, not just its login");
        return seconds;
    }

    private interface IORunnable {
        void run() throws IOException;
    }

    @Test
    void everythingButHealthAndTheLoginPageAsksForALogin() throws Exception {
        HttpClient c = browserLike();
        for (String path : new String[]{"/", "/text", "/admin", "/VAADIN/build/", "/api/text/classify"}) {
            HttpResponse<String> r = get(c, path);
            assertEquals(302, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login.html"), path + " -> " + r.headers().map());
        }
        assertEquals(200, get(c, "/health").statusCode());
        HttpResponse<String> page = get(c, "/login.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("j_security_check") && page.body().contains("j_password"));
        assertEquals(200, get(c, "/login.css").statusCode());
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnError() throws Exception {
        HttpClient c = browserLike();
        HttpResponse<String> r = login(c, "ben", "not-his-password");
        assertTrue(r.statusCode() == 302 || r.statusCode() == 303, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login.html?error"), r.headers().map().toString());
        assertEquals(302, get(c, "/").statusCode(), "still not in");
    }

    @Test
    void aStudentLoggedInUsesTheAppAndTheApi() throws Exception {
        HttpClient c = browserLike();
        HttpResponse<String> r = login(c, "ben", "ben-password");
        assertTrue(r.statusCode() == 302 || r.statusCode() == 303, "status " + r.statusCode());
        assertEquals(200, get(c, "/").statusCode());
        HttpResponse<String> api = c.send(HttpRequest.newBuilder(URI.create(base + "/api/text/classify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a wonderful film\",\"model\":\"sst2\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"label\""), api.body());
    }

    @Test
    void twentyWrongPasswordsFromOneAddressAreThrottledWhileOthersLogIn() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Answer refused = null;
        for (int i = 0; i < 20; i++) {
            Answer a = postLogin("127.0.0.5", "cy", "guess-" + i, null);
            statuses.add(a.status());
            if (a.status() == 429 && refused == null) refused = a;
        }
        assertTrue(refused != null, "no attempt was refused: " + statuses);
        assertTrue(Integer.parseInt(refused.header("retry-after")) >= 1, refused.headers().toString());
        // a few free failures, then locked: a refused attempt is answered at once, so even a slow machine gets through
        // the other 15 within the first lock-outs (1 s, 2 s, 4 s, ...) and at most three more guesses are checked
        long checked = statuses.stream().filter(s -> s != 429).count();
        assertTrue(checked <= 8, checked + " guesses checked: " + statuses);

        Answer browser = postLogin("127.0.0.5", "cy", "cy-password", "text/html,application/xhtml+xml");
        assertEquals(303, browser.status(), "a browser is sent back to the login page, which says why: " + browser.headers());
        assertTrue(browser.header("location").matches(".*/login\\.html\\?wait=\\d+"), browser.headers().toString());

        Answer ann = postLogin("127.0.0.6", "ann", "ann-password", null);
        assertEquals(303, ann.status(), ann.headers().toString());
        assertTrue(!ann.header("location").contains("error") && ann.header("set-cookie").startsWith("JSESSIONID="), "ann logs in: " + ann.headers());
    }

    @Test
    void anUnknownUserTakesAsLongToFailAsAKnownOne() throws Exception {
        List<Long> known = new ArrayList<>(), unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // interleaved, from fresh addresses: both see the same load, and no throttle
            long t0 = System.nanoTime();
            assertEquals(303, postLogin("127.0.1." + (i + 1), i % 2 == 0 ? "dee" : "eve", "wrong-password", null).status());
            long t1 = System.nanoTime();
            assertEquals(303, postLogin("127.0.2." + (i + 1), "nobody-" + i, "wrong-password", null).status());
            known.add(t1 - t0);
            unknown.add(System.nanoTime() - t1);
        }
        known.sort(null);
        unknown.sort(null);
        // The same PBKDF2 work either way. Before, an unknown name failed ~20x faster (6.5 vs 149 ms); a third leaves a
        // wide margin for a busy machine's noise, which the interleaving and medians already mostly cancel.
        assertTrue(unknown.get(2) * 3 >= known.get(2), "median ms: unknown " + unknown.get(2) / 1e6 + ", known " + known.get(2) / 1e6);
    }

    @Test
    void aRemovedUsersOpenSessionEndsWithinSeconds() throws Exception {
        double s = secondsUntilTheSessionEnds("fay", "fay-password", () -> editUser("fay", line -> null));
        System.out.printf("fay's session ended %.1f s after her line was removed%n", s);
        assertTrue(login(browserLike(), "fay", "fay-password").headers().firstValue("Location").orElse("").endsWith("?error"), "nor can she log in");
    }

    @Test
    void losingTheAdminRoleEndsTheSession() throws Exception {
        double s = secondsUntilTheSessionEnds("gus", "gus-password", () -> editUser("gus", line -> line.replace(", admin", "")));
        System.out.printf("gus's session ended %.1f s after he lost the admin role%n", s);
    }

    @Test
    void aServerWithAPlainTextPasswordRefusesToStart() throws Exception {
        Path users = dir.resolve("plain.properties");
        Files.writeString(users, "eve: hunter2, student, admin\n");
        LabServer bad = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS), HouseRules.DEFAULT.withUsers(users));
        try {
            Exception e = assertThrows(Exception.class, bad::start);
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof IllegalArgumentException)) root = root.getCause();
            assertTrue(String.valueOf(root.getMessage()).contains("not a PBKDF2 hash"), String.valueOf(root));
        } finally {
            bad.close();
        }
    }
}
