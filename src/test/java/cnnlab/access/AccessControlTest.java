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

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional login over real HTTP: closed until logged in, except the health check and the login page. */
class AccessControlTest {
    @TempDir
    static Path dir;
    static LabServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        RunningLab.url();   // the shared lab keeps its models when this server stops
        Path users = dir.resolve("users.properties");
        UsersFile.put(users, "ann", "ann-password".toCharArray(), true);
        UsersFile.put(users, "ben", "ben-password".toCharArray(), false);
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
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return c.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
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
