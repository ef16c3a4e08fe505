package cnnlab.server;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One machine's slow requests must not take the server's threads from everyone else. A server with 40 threads, 8 per address and 60 connections per address (the
 * real one has 200, and ~230 connections trickling a byte every 5 s once took them all); the attacker is 127.0.0.2,
 * everyone else 127.0.0.1. Waits are deadlines for a hang, never timings.
 */
class SlowClientsTest {
    private static final ConnectionRules SMALL = new ConnectionRules(40, 8, 60, 1024, Duration.ofSeconds(30));
    private static LabServer lab;
    private static int port;
    private final List<RawClient> attackers = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        // no API rate limit in the way: it would refuse most of these posts before they are read, yet over a minute
        // a patient attacker opens as many as it likes
        lab = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS),
                HouseRules.DEFAULT.withConnections(SMALL).withApiRate(1e6, 1_000_000));
        port = lab.start();
    }

    @AfterAll
    static void stop() throws Exception {
        lab.close();
    }

    @AfterEach
    void closeAttackers() throws Exception {
        trickle.shutdownNow();
        for (RawClient c : attackers) c.close();
        Thread.sleep(500);   // the server sees them closed and no longer counts them
    }

    private static int health() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** 50 POSTs of a 60 KB body (under the API's 64 KB limit, so it is read) from 127.0.0.2, each then fed {@code bytes} every {@code everyMillis}. */
    private void openSlowPosts(int bytes, int everyMillis) throws Exception {
        for (int i = 0; i < 50; i++) {
            RawClient c = new RawClient("127.0.0.2", port);
            c.send("POST /api/text/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{");
            attackers.add(c);
        }
        String chunk = "x".repeat(bytes);
        trickle.scheduleAtFixedRate(() -> {
            for (RawClient c : attackers) {
                try {
                    c.send(chunk);
                } catch (java.io.IOException closed) {
                    // the server cut it off
                }
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Test
    void bodiesThatTrickleInAreCutOffAndOthersAreServedMeanwhile() throws Exception {
        openSlowPosts(1, 1000);
        assertEquals(200, health(), "another machine is served while the slow bodies trickle in");
        int cut = 0;
        for (RawClient c : attackers) if (c.closedWithin(60_000)) cut++;   // 60 KB at a byte a second: 17 hours, if let be
        assertEquals(attackers.size(), cut, "every body slower than the minimum rate is cut off");
        assertEquals(200, health());
    }

    @Test
    void oneMachineRunsAtMostItsShareOfThreadsEvenWhenItSendsFastEnough() throws Exception {
        openSlowPosts(1600, 1000);   // 1.6 KB/s: above the minimum rate, so nothing cuts these off (for 37 s)
        Thread.sleep(2000);   // let them all reach their servlet and block in its read
        assertEquals(200, health(), "the other machine is served: 127.0.0.2 holds at most 8 of the 40 threads");
    }

    @Test
    void oneMachineKeepsAtMostItsShareOfConnections() throws Exception {
        List<RawClient> idle = new ArrayList<>();
        for (int i = 0; i < 70; i++) idle.add(new RawClient("127.0.0.2", port));
        attackers.addAll(idle);
        Thread.sleep(1000);
        int closed = 0;
        for (RawClient c : idle) if (c.closedWithin(100)) closed++;
        assertEquals(10, closed, "past 60 connections, the newest are closed at once");
        assertEquals(200, health(), "another machine connects");
        for (RawClient c : idle) c.close();
        Thread.sleep(500);
        try (RawClient again = new RawClient("127.0.0.2", port)) {
            again.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(again.answer(20_000).startsWith("HTTP/1.1 200"), "closed connections are no longer counted");
        }
    }
}
