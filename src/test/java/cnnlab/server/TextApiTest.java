package cnnlab.server;

import cnnlab.fuzz.LabHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/text/classify over real HTTP. */
class TextApiTest {
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = RunningLab.url();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/text/classify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String json(Object o) throws Exception {
        return RestApiTest.JSON.writeValueAsString(o);
    }

    @Test
    void aSentenceGetsItsLabelAndTheNgramsThatDecided() throws Exception {
        for (String model : new String[] {"mr", "sst2", "mr-w2v", "sst2-w2v"}) {
            HttpResponse<String> r = post(json(Map.of("text", "a gorgeous , witty and deeply moving film", "model", model)));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode j = RestApiTest.JSON.readTree(r.body());
            assertEquals("positive", j.get("label").asText());
            assertTrue(j.get("probability").asDouble() >= 0.5 && j.get("probability").asDouble() <= 1);
            assertEquals(model, j.get("model").asText());
            assertEquals(8, j.get("ngrams").size());
            JsonNode first = j.get("ngrams").get(0);
            assertEquals(first.get("width").asInt(), first.get("ngram").asText().split(" ").length);
        }
        JsonNode byDefault = RestApiTest.JSON.readTree(post(json(Map.of("text", "a dull , lifeless and predictable mess"))).body());
        assertEquals("mr", byDefault.get("model").asText());
        assertEquals("negative", byDefault.get("label").asText());
    }

    /** Issue 19: another client's flood of slow jobs (big WAVs) held both threads and this reading timed out (503). */
    @Test
    void anotherClientsFloodOfSlowJobsDoesNotHoldUpAReading() throws Exception {
        try (BlockedJobs flood = new BlockedJobs("192.0.2.7", 6, 1)) {
            HttpResponse<String> r = post(json(Map.of("text", "a gorgeous , witty and deeply moving film")));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("positive", RestApiTest.JSON.readTree(r.body()).get("label").asText());
        }
    }

    @Test
    void badBodiesGetJsonErrors() throws Exception {
        assertEquals(400, post("{\"text\": \"\"}").statusCode());
        assertTrue(post("{\"text\": \"  \"}").body().contains("Type a sentence"));
        HttpResponse<String> longText = post(json(Map.of("text", "good ".repeat(1000))));
        assertEquals(400, longText.statusCode());
        assertTrue(RestApiTest.JSON.readTree(longText.body()).get("error").asText().contains("5,000 characters"));
        // asked first (see LabHttp.post): a 413 to a body sent blind can be lost in the connection's reset
        LabHttp.Answer huge = LabHttp.post("api/text/classify", "application/json",
                json(Map.of("text", "x".repeat(100_000))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(413, huge.status());
        assertTrue(huge.body().contains("64 KB"), huge.body());
        assertEquals(400, post("{\"text\": 42}").statusCode());
        HttpResponse<String> unknownModel = post("{\"text\": \"good\", \"model\": \"imdb\"}");
        assertEquals(400, unknownModel.statusCode());
        assertTrue(unknownModel.body().contains("\\\"mr-w2v\\\""), unknownModel.body());
        assertEquals(400, post("{\"text\": \"good\", \"model\": 7}").statusCode());
        assertEquals(400, post("[\"good\"]").statusCode());
        assertEquals(400, post("{\"text\": \"good\"").statusCode());
        HttpResponse<String> html = post(json(Map.of("text", "<script>alert(1)</script> fine")));
        assertEquals(200, html.statusCode());
        assertEquals("application/json", html.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> emoji = post(json(Map.of("text", "😀😀")));
        assertEquals(400, emoji.statusCode());
        assertTrue(emoji.body().contains("no words"));
    }
}
