package cnnlab.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers on every kind of response, no directory listings, no path traversal (real HTTP). */
class SecurityHeadersTest {
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = RunningLab.url();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return RestApiTest.HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "health", "api/text/classify", "api/nothing-here", "VAADIN/no-such-file.js"})
    void everyResponseCarriesTheHeaders(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(SecurityHeaders.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
        assertTrue(SecurityHeaders.CSP.contains("frame-ancestors 'none'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
        assertFalse(r.body().contains("at cnnlab.") || r.body().contains("Exception"), path + ": no stack traces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAADIN/", "VAADIN/build/", "frontend/", "META-INF/", "WEB-INF/"})
    void noDirectoryIsListed(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertFalse(r.body().contains("Directory: ") || r.body().contains("Parent Directory"), path + " lists a directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAADIN/..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "VAADIN/%2e%2e/%2e%2e/pom.xml",
            "..;/..;/etc/passwd", "WEB-INF/web.xml", "META-INF/MANIFEST.MF"})
    void noPathLeavesTheApp(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertFalse(r.body().contains("root:x:0:0") || r.body().contains("<artifactId>") || r.body().contains("Manifest-Version"),
                path + " answered " + r.statusCode() + " with a file it must not serve");
    }
}
