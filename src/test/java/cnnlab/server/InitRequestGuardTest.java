package cnnlab.server;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The init requests that made Vaadin answer 500 get a 400; the ones a browser sends pass. */
class InitRequestGuardTest {
    @Test
    void onlyBadLocationsAndQueriesAreStopped() {
        assertNull(InitRequestGuard.problem("features", "steps=20&seed=3"));
        assertNull(InitRequestGuard.problem("", ""));
        assertNull(InitRequestGuard.problem("text", "q=caf%C3%A9"));
        assertTrue(InitRequestGuard.problem("//a", "").contains("relative"));
        assertTrue(InitRequestGuard.problem("", "%=").contains("percent-encoding"));
        assertTrue(InitRequestGuard.problem("", "a=%zz").contains("percent-encoding"));
    }

    @Test
    void overHttpTheyAre400AndABrowsersInitStill200() throws Exception {
        String base = RunningLab.url();
        for (String bad : new String[]{"?v-r=init&location=%2F%2Fa&query=", "?v-r=init&location=&query=%25%3D"}) {
            HttpResponse<String> r = RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + bad)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("\"error\"") && !r.body().contains("Exception"), r.body());
        }
        HttpResponse<String> ok = RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=features&query=seed%3D3")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
    }

    @Test
    void aPostedFormBodyIsLeftToTheApiItWasSentTo() throws Exception {
        HttpResponse<String> r = RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(RunningLab.url() + "api/speech/classify"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("%s%n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
    }
}
