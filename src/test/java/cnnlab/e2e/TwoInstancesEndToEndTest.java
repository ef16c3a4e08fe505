package cnnlab.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scale-out on this machine, through the script an operator runs: docker/two-instances.sh starts two real servers
 * as separate JVMs (CNNLAB_NODE=node1 and node2, each with its own models, sessions and Vaadin UIs) and Debian's
 * nginx in front of them with docker/nginx/cnnlab.conf. New visitors are spread over both; every request of a
 * session, the push WebSocket included, reaches the instance that holds it.
 * The instances run cnnlab.Main from this test's class path (the jar is only packaged after the tests).
 */
@Tag("e2e")
@EnabledIf(value = "nginxOnPath", disabledReason = "nginx is not on the PATH (Debian: apt-get install nginx; .ci/run installs it)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process script;
    private static List<ProcessHandle> started = List.of();
    private static final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private static String proxy;
    private static int[] nodePorts;
    private static Path gallery;
    /** No cookie handler: each request carries exactly the cookie the test gives it. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoInstancesBehindNginx() throws Exception {
        int proxyPort = freePort();
        nodePorts = new int[]{freePort(), freePort()};
        gallery = Files.createTempDirectory("cnnlab-shared-gallery");
        ProcessBuilder pb = new ProcessBuilder("bash", "docker/two-instances.sh").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("CNNLAB_PROXY_PORT", String.valueOf(proxyPort));
        env.put("CNNLAB_PROXY_HOST", "0.0.0.0");   // reachable from this machine's own network address too: a client that is not loopback
        env.put("CNNLAB_NODE1_PORT", String.valueOf(nodePorts[0]));
        env.put("CNNLAB_NODE2_PORT", String.valueOf(nodePorts[1]));
        env.put("CNNLAB_GALLERY", gallery.toString());
        env.put("CNNLAB_CLASSPATH", System.getProperty("java.class.path"));
        env.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        env.put("JAVA_OPTS", "-Xmx1g");
        env.remove("CNNLAB_NODE");
        script = pb.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    if (line.startsWith("ready: ")) ready.complete(line);
                }
            } catch (IOException e) {
                // the script ended
            }
            ready.completeExceptionally(new IllegalStateException("the script ended before it was ready"));
        }, "two-instances output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(10, TimeUnit.MINUTES);   // two JVMs load their models on a shared machine
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            fail("docker/two-instances.sh did not get ready:\n" + String.join("\n", output));
        }
        started = script.descendants().toList();
        proxy = "http://127.0.0.1:" + proxyPort + "/";
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (script != null && script.isAlive()) {
            script.destroy();
            if (!script.waitFor(60, TimeUnit.SECONDS)) script.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);   // only if the script failed to stop them
        if (gallery != null) {
            try (var paths = Files.walk(gallery)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a folder left in /tmp is harmless
            }
        }
    }

    @Test
    @Order(1)
    void newVisitorsAreSpreadOverBothInstancesAndEachSessionStaysOnItsOwn() throws Exception {
        Map<String, String> sessionByNode = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> first = get("", null);
            assertEquals(200, first.statusCode());
            String session = sessionCookie(first).orElseThrow(() -> new AssertionError("a first visit starts a session"));
            sessionByNode.put(nodeOf(session), session);
        }
        assertEquals(Set.of("node1", "node2"), sessionByNode.keySet(), "ten first visits reach both instances");

        for (Map.Entry<String, String> e : sessionByNode.entrySet()) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> page = get("", e.getValue());
                assertEquals(200, page.statusCode());
                assertEquals(Optional.empty(), sessionCookie(page), "the instance knows the session, so it starts no new one");
                assertEquals(e.getKey(), JSON.readTree(get("health", e.getValue()).body()).path("node").asText(),
                        "a request carrying a " + e.getKey() + " session is answered by " + e.getKey());
            }
        }

        Set<String> healthNodes = new TreeSet<>();
        for (int i = 0; i < 4; i++) healthNodes.add(JSON.readTree(get("health", null).body()).path("node").asText());
        assertEquals(Set.of("node1", "node2"), healthNodes, "requests without a session are spread too");
    }

    @Test
    @Order(2)
    void twoStudentsDrawThroughNginxEachOnOneInstanceAndGetTheirVerdictsByPush() throws Exception {
        ChromeDriver alice = Browser.start();
        ChromeDriver bob = Browser.start();
        try {
            DigitsPage alicePage = new DigitsPage(alice).open(proxy);
            DigitsPage bobPage = new DigitsPage(bob).open(proxy);
            // only first visits go round-robin, and these two are the only ones: one lands on each instance
            assertEquals(Set.of("node1", "node2"), new TreeSet<>(List.of(nodeOf(alice.manage().getCookieNamed("JSESSIONID")),
                    nodeOf(bob.manage().getCookieNamed("JSESSIONID")))), "the two students are on different instances");
            alicePage.drawOne();
            bobPage.drawZero();
            alicePage.waitForVerdict("It's a 1");
            bobPage.waitForVerdict("It's a 0");
            assertTrue(alicePage.pushUsesWebSocket(), "push reaches Alice's page over a WebSocket through nginx");
            assertTrue(bobPage.pushUsesWebSocket(), "push reaches Bob's page over a WebSocket through nginx");
        } finally {
            alice.quit();
            bob.quit();
        }
    }

    @Test
    @Order(3)
    void aClientsOwnForwardedHeaderIsNotBelievedBehindNginx() throws Exception {
        // without a session, the API's budget is per address: claiming a new address on every call must not refill it
        String pixels = "{\"pixels\":[" + String.join(",", java.util.Collections.nCopies(784, "0")) + "]}";
        int answered = 0, refused = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            String claimed = "10.7." + (i / 250) + "." + (i % 250 + 1);
            HttpRequest r = HttpRequest.newBuilder(URI.create(proxy + "api/digits/classify"))
                    .header("Content-Type", "application/json").header("Forwarded", "for=" + claimed).header("X-Forwarded-For", claimed)
                    .POST(HttpRequest.BodyPublishers.ofString(pixels)).build();
            int status = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) answered++;
            else if (status == 429) refused++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(refused > 0, "200 calls, each claiming another address: all answered, so each claim bought a fresh budget");
        assertTrue(answered <= 2 * 30 + 2 * 10 * seconds + 2, answered + " answered in " + seconds + " s: more than two instances' budgets for one address");

        // the admin page is for the server machine itself; a student who says "for=127.0.0.1" is still a student
        assertTrue(cnnlab.server.AdminProbe.opens(proxy, Map.of()), "through nginx from the server machine itself: the admin page");
        Optional<String> lan = networkAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
        String fromLan = "http://" + lan.get() + ":" + URI.create(proxy).getPort() + "/";
        assertFalse(cnnlab.server.AdminProbe.opens(fromLan, Map.of()), "from " + lan.get() + " through nginx: no admin page");
        assertFalse(cnnlab.server.AdminProbe.opens(fromLan, Map.of("Forwarded", "for=127.0.0.1")), "a claim to be the server machine");
        assertFalse(cnnlab.server.AdminProbe.opens(fromLan, Map.of("Forwarded", "for=127.0.0.1", "X-Real-IP", "127.0.0.1",
                "X-Forwarded-For", "127.0.0.1")), "nor any other header a client may send");
    }

    /** This machine's first IPv4 address that is not loopback, to be a client that is not the server machine. */
    private static Optional<String> networkAddress() throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) return Optional.of(a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    @Test
    @Order(4)
    void stoppingTheScriptStopsBothInstancesAndNginx() throws Exception {
        assertEquals(4, started.size(), "two JVMs, nginx's master and its worker: " + started);
        script.destroy();   // SIGTERM, as Ctrl-C or a service manager would
        assertTrue(script.waitFor(60, TimeUnit.SECONDS), "the script ends");
        for (ProcessHandle p : started) assertFalse(p.isAlive(), "still running after the script ended: " + p.info());
        for (int port : nodePorts) assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", URI.create(proxy).getPort()).close());
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy + path)).GET();
        if (session != null) b.header("Cookie", "JSESSIONID=" + session);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length()).split(";", 2)[0])
                .findFirst();
    }

    /** Jetty appends the instance's name to its session ids: "....node1". */
    private static String nodeOf(String session) {
        return session.substring(session.lastIndexOf('.') + 1);
    }

    private static String nodeOf(Cookie cookie) {
        assertTrue(cookie != null, "the page started a session");
        return nodeOf(cookie.getValue());
    }

    static boolean nginxOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "nginx"))) return true;
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
