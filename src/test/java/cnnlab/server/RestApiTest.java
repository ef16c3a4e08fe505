package cnnlab.server;

import cnnlab.fuzz.LabHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over real HTTP against the real server and the shipped model. */
class RestApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = RunningLab.url();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String pixels(int n, String value) {
        return "{\"pixels\":[" + String.join(",", Collections.nCopies(n, value)) + "]}";
    }

    /** A "1": a vertical bar in the middle of the field, the way MNIST ones look. */
    static String aOne() {
        StringJoiner j = new StringJoiner(",", "{\"pixels\":[", "]}");
        for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) j.add(r >= 4 && r < 24 && c >= 13 && c <= 14 ? "1" : "0");
        return j.toString();
    }

    @Test
    void healthIsOk() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("ok", JSON.readTree(r.body()).get("status").asText());
    }

    @Test
    void classifiesA784PixelImage() throws Exception {
        HttpResponse<String> r = post("api/digits/classify", aOne());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertEquals(10, body.get("probabilities").size());
        double sum = 0;
        for (JsonNode p : body.get("probabilities")) sum += p.asDouble();
        assertEquals(1.0, sum, 1e-4);
        assertEquals(1, body.get("label").asInt(), "a centred vertical bar reads as 1: " + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[]", "{\"pixels\":5}", "{\"pixel\":[]}", "{\"pixels\":[NaN]}",
            "{\"pixels\":[1,2,3]}", "null", "\"text\""})
    void malformedBodiesAnswer400WithAJsonError(String body) throws Exception {
        HttpResponse<String> r = post("api/digits/classify", body);
        assertEquals(400, r.statusCode(), body + " -> " + r.body());
        assertFalse(JSON.readTree(r.body()).get("error").asText().isBlank());
        assertFalse(r.body().contains("Exception"), "no stack trace leaks: " + r.body());
    }

    @Test
    void wrongLengthOutOfRangeAndNonNumbersAnswer400() throws Exception {
        assertEquals(400, post("api/digits/classify", pixels(783, "0")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(785, "0")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(784, "1.5")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(784, "-0.1")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(784, "\"0.5\"")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(784, "1e999")).statusCode());
        assertEquals(400, post("api/digits/classify", pixels(784, "0") + "xyz").statusCode(), "trailing garbage is malformed");
        HttpResponse<String> r = post("api/digits/classify", pixels(784, "2"));
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("0..1"), r.body());
    }

    @Test
    void aHugeBodyIsRefused() throws Exception {
        // asked first (see LabHttp.post): a 413 to a body sent blind can be lost in the connection's reset
        LabHttp.Answer r = LabHttp.post("api/digits/classify", "application/json", pixels(100_000, "0.123456").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, r.status());
        assertTrue(JSON.readTree(r.body()).has("error"), r.body());
    }

    @Test
    void unknownEndpointsAndMethodsAnswerJson() throws Exception {
        HttpResponse<String> r = post("api/nothing", "{}");
        assertEquals(404, r.statusCode());
        assertTrue(JSON.readTree(r.body()).has("error"));
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/digits/classify")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertTrue(JSON.readTree(get.body()).has("error"));
    }
}
