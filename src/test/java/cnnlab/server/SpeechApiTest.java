package cnnlab.server;

import cnnlab.Lab;
import cnnlab.fuzz.LabHttp;
import cnnlab.speech.ShippedClips;
import cnnlab.speech.SpeechNet;
import cnnlab.speech.SpeechReading;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/speech/classify over real HTTP. */
class SpeechApiTest {
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = RunningLab.url();
    }

    static HttpResponse<String> post(byte[] body, String type) throws Exception {
        return RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/speech/classify")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSpokenDigitIsClassifiedByBothNetworks() throws Exception {
        Path nine = ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith("9_jackson")).findFirst().orElseThrow();
        HttpResponse<String> r = post(Files.readAllBytes(nine), "audio/wav");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = RestApiTest.JSON.readTree(r.body());
        assertEquals(9, j.get("label").asInt());
        assertEquals(10, j.get("probabilities").size());
        assertTrue(j.get("seconds").asDouble() > 0.1);
        assertEquals(9, j.get("models").get("speech").get("label").asInt());
        assertTrue(j.get("models").has("speech-2d"));
    }

    /** Issue 19: a client may have only so much work in flight; past that its next clip is refused, not queued. */
    @Test
    void aClientWithMuchWorkInFlightIsRefusedItsNextClipWhileAnotherIsRead() throws Exception {
        byte[] nine = Files.readAllBytes(ShippedClips.all().stream().filter(p -> p.getFileName().toString().startsWith("9_jackson")).findFirst().orElseThrow());
        try (BlockedJobs mine = new BlockedJobs("127.0.0.1", 1, 1000)) {
            HttpResponse<String> r = post(nine, "audio/wav");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(RestApiTest.JSON.readTree(r.body()).get("error").asText().contains("your earlier requests"), r.body());
            Lab lab = Lab.current();
            SpeechReading other = ApiClient.serving("192.0.2.8", () -> lab.jobs().submit(() -> CompletableFuture.completedFuture(lab.speech().read(nine))))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(9, other.predictions().get(SpeechNet.FREQUENCY).label());
        }
        assertEquals(200, post(nine, "audio/wav").statusCode());
    }

    @Test
    void badBodiesGetJsonErrors() throws Exception {
        HttpResponse<String> text = post("<html>not audio</html>".getBytes(), "audio/wav");
        assertEquals(400, text.statusCode());
        assertTrue(RestApiTest.JSON.readTree(text.body()).get("error").asText().contains("not a WAV"));
        HttpResponse<String> mp3 = post(new byte[]{'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "audio/mpeg");
        assertTrue(RestApiTest.JSON.readTree(mp3.body()).get("error").asText().contains("MP3"));
        assertEquals(400, post(new byte[0], "audio/wav").statusCode());
        // asked first (see LabHttp.post): a 413 to a body sent blind can be lost in the connection's reset
        LabHttp.Answer huge = LabHttp.post("api/speech/classify", "audio/wav", new byte[11 * 1024 * 1024]);
        assertEquals(413, huge.status());
        assertTrue(huge.body().contains("10 MB"), huge.body());
        HttpResponse<String> other = RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/speech/other"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
    }
}
