package cnnlab.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Methods the servlet API has no handler for get the API's JSON 405, not the container's bare 501. */
class JsonMethodsTest {
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = RunningLab.url();
    }

    @ParameterizedTest
    @CsvSource({"PATCH,api/digits/classify", "PROPFIND,api/speech/classify", "FOO,api/text/classify", "PATCH,health"})
    void unknownMethodsAnswerAJson405(String method, String path) throws Exception {
        // found by the fuzz suite (cnnlab.fuzz.RestApiFuzzTest): these answered 501 with an empty body
        HttpResponse<String> r = RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), method + " " + path + " -> " + r.body());
        assertTrue(RestApiTest.JSON.readTree(r.body()).get("error").asText().contains(method), r.body());
    }
}
