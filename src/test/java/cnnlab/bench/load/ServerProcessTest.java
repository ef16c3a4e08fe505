package cnnlab.bench.load;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench load}'s server in a JVM of its own: it starts from this program's classes, answers, its memory is read
 * from outside (heap over JMX, RSS from /proc, neither this JVM's), and it is gone after close.
 */
@Tag("load")
class ServerProcessTest {
    @Test
    void startsAnswersShowsItsOwnMemoryAndStops() throws Exception {
        ServerProcess server = ServerProcess.start(ShippedModel.MODELS);
        ProcessHandle process;
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.url().resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("ok"), health.body());

            ServerMemory memory = server.memory();
            long heap = memory.heapAfterGc(), rss = memory.rss();
            ServerMemory mine = new ServerMemory(ManagementFactory.getMemoryMXBean(), ProcessHandle.current().pid());
            assertTrue(heap > 1 << 20 && heap < rss, "heap " + heap + " within RSS " + rss);
            assertTrue(rss != mine.rss(), "the server's RSS, not this JVM's");
            process = ProcessHandle.of(server.pid()).orElseThrow();
        } finally {
            server.close();
        }
        assertTrue(process.onExit().isDone() || !process.isAlive(), "the server's JVM has ended");
    }
}
