package cnnlab.fuzz;

import cnnlab.text.SentimentModel;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON API over real HTTP against the running lab, fed generated bad bodies: every answer is a clear JSON error
 * (400, or 413 for an oversized body, 404/405 for a wrong path or method) or, for input that happens to be valid, a
 * proper reading; never a 5xx, never a hang; /health and another client's well-formed request keep working.
 */
@Tag("fuzz")
class RestApiFuzzTest extends OverHttp {
    RestApiFuzzTest() {
        super(20);   // every 20th try another client checks that the server still serves it
    }

    private static final List<String> CONTENT_TYPES = Arrays.asList("application/json", "application/json; charset=utf-16",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "audio/wav", "image/png",
            "application/octet-stream", "*/*", "x/y; z", null);

    /** One generated request body, with what kind of bad it is (for the statistics and a readable failure). */
    record Body(String kind, String contentType, byte[] bytes) {
        static Body of(String kind, String contentType, String text) {
            return new Body(kind, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            return kind + " [" + contentType + "] " + bytes.length + " bytes: " + text;
        }
    }

    // ------------------------------------------------------------------------------------------------ /api/digits

    @Property(tries = 1500, afterFailure = AfterFailureMode.RANDOM_SEED)
    void digitsClassifyAnswersEveryBadBodyClearly(@ForAll("digitsBodies") Body body) {
        LabHttp.Answer r = LabHttp.post("api/digits/classify", body.contentType(), body.bytes());
        String outcome;
        if (r.status() == 200) {
            JsonNode j = LabHttp.readJson(r.body(), body.toString());
            int label = j.get("label").asInt(-1);
            assertTrue(label >= 0 && label <= 9, body + " -> " + r.body());
            assertEquals(10, j.get("probabilities").size());
            outcome = "200 read";
        } else {
            outcome = LabHttp.assertClearJsonError(r.status(), r.contentType(), r.body(), body.toString());
        }
        tally(body.kind(), outcome);
    }

    @Provide
    Arbitrary<Body> digitsBodies() {
        String valid = LabHttp.aOne();
        Arbitrary<String> type = Arbitraries.of(CONTENT_TYPES);
        Arbitrary<String> numbers = Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "1e309", "-1e309", "1e-400", "0x1",
                ".5", "5.", "01", "1_0", "\"0.5\"", "true", "null", "[]", "{}", "1e99999999999", "-0", "0.0000000000000000000000001",
                "123456789012345678901234567890123456789", "1" + "0".repeat(1200), "0." + "1".repeat(1200), "9".repeat(400) + "e-400");
        return Mutations.mix(
                Mutations.w(2, Mutations.randomBytes(3000).map(b -> new Body("random bytes", "application/json", b))),
                Mutations.w(3, Arbitraries.randomValue(r -> Body.of("mutated valid JSON", "application/json", Mutations.mutate(valid, r)))),
                Mutations.w(1, Arbitraries.integers().between(0, valid.length() - 1).map(n -> Body.of("truncated valid JSON", "application/json",
                        valid.substring(0, n)))),
                Mutations.w(2, Combinators.combine(Arbitraries.integers().between(0, 783), numbers, Arbitraries.integers().between(1, 784))
                        .as((at, v, times) -> {
                            String[] px = Collections.nCopies(784, "0.5").toArray(String[]::new);
                            for (int i = 0; i < times; i++) px[(at + i * 37) % 784] = v;
                            return Body.of("odd numbers", "application/json", "{\"pixels\":[" + String.join(",", px) + "]}");
                        })),
                Mutations.w(2, Arbitraries.of("null", "true", "\"pixels\"", "[]", "{}", "{\"pixels\":null}", "{\"pixels\":{}}",
                        "{\"pixels\":\"0,0,0\"}", "{\"pixels\":true}", "{\"pixels\":[[0.5]]}", "{\"PIXELS\":[]}", "{\"pixels\":[],\"pixels\":[]}",
                        "[{\"pixels\":[]}]", "{\"pixels\":[0.5]} {}", "{\"pixels\":[1,2,3]}", "\uFEFF{\"pixels\":[]}", "{'pixels':[]}",
                        "{pixels:[]}", "{\"pixels\":[0.5,]}", "/*c*/{\"pixels\":[]}", "{\"pixels\":[" + "0,".repeat(783) + "0]}x")
                        .map(s -> Body.of("wrong types or shapes", "application/json", s))),
                Mutations.w(1, Arbitraries.integers().between(0, 784 * 3).flatMap(n -> Arbitraries.of("0", "1", "0.5", "\"a\"", "null", "[]", "{}")
                        .map(v -> Body.of("wrong length", "application/json", "{\"pixels\":[" + String.join(",", Collections.nCopies(n, v)) + "]}")))),
                Mutations.w(2, Combinators.combine(Arbitraries.integers().between(1, 30_000), Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((depth, objects, closed) -> Body.of("deep nesting", "application/json", Mutations.nested(depth, objects, "0.5", closed)))),
                Mutations.w(1, Combinators.combine(type, Arbitraries.of(valid, "pixels=1&x=2", "--xyz\r\nContent-Disposition: form-data\r\n\r\n1\r\n--xyz--"))
                        .as((t, s) -> Body.of("wrong content type", t, s))),
                Mutations.w(1, Arbitraries.integers().between(64 * 1024 + 1, 200_000).map(n -> Body.of("oversized", "application/json",
                        "{\"pixels\":[" + "0,".repeat(n / 2) + "0]}"))),
                Mutations.w(1, Combinators.combine(Mutations.nastyText(200), type).as((s, t) -> Body.of("odd text", t, s))));
    }

    // ------------------------------------------------------------------------------------------------ /api/speech

    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void speechClassifyAnswersEveryBadUploadClearly(@ForAll("speechBodies") Body body) {
        LabHttp.Answer r = LabHttp.post("api/speech/classify", body.contentType(), body.bytes());
        String outcome;
        if (r.status() == 200) {
            JsonNode j = LabHttp.readJson(r.body(), body.toString());
            int label = j.get("label").asInt(-1);
            assertTrue(label >= 0 && label <= 9, body + " -> " + r.body());
            assertTrue(j.get("models").size() >= 1, r.body());
            outcome = "200 read";
        } else {
            outcome = LabHttp.assertClearJsonError(r.status(), r.contentType(), r.body(), body.toString());
        }
        tally(body.kind(), outcome);
    }

    @Provide
    Arbitrary<Body> speechBodies() {
        Arbitrary<String> type = Arbitraries.of(CONTENT_TYPES);
        return Mutations.mix(
                Mutations.w(2, Mutations.randomBytes(4000).map(b -> new Body("random bytes", "audio/wav", b))),
                Mutations.w(4, WavBytes.damagedClips().map(b -> new Body("damaged WAV", "audio/wav", b))),
                Mutations.w(3, WavBytes.smallClips().map(b -> new Body("odd-layout WAV", "audio/wav", b))),
                Mutations.w(1, WavBytes.otherFormats().map(b -> new Body("other format", "audio/wav", b))),
                Mutations.w(1, Combinators.combine(type, Mutations.nastyText(300)).as((t, s) -> Body.of("text", t, s))),
                // past 10 MB: 413 before the body is read (rare: each sends 10 MB)
                Mutations.w(1, Arbitraries.integers().between(0, 60).map(n -> n == 0
                        ? new Body("oversized", "audio/wav", new byte[10 * 1024 * 1024 + 1])
                        : new Body("empty", "audio/wav", new byte[0]))));
    }

    // ------------------------------------------------------------------------------------------------ /api/text

    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void textClassifyAnswersEveryBadBodyClearly(@ForAll("textBodies") Body body) {
        LabHttp.Answer r = LabHttp.post("api/text/classify", body.contentType(), body.bytes());
        String outcome;
        if (r.status() == 200) {
            JsonNode j = LabHttp.readJson(r.body(), body.toString());
            assertTrue(List.of("positive", "negative").contains(j.get("label").asText()), body + " -> " + r.body());
            double p = j.get("probability").asDouble(-1);
            assertTrue(p >= 0 && p <= 1, body + " -> " + r.body());
            assertTrue(j.get("tokens").size() > 0, r.body());
            outcome = "200 read";
        } else {
            outcome = LabHttp.assertClearJsonError(r.status(), r.contentType(), r.body(), body.toString());
        }
        tally(body.kind(), outcome);
    }

    @Provide
    Arbitrary<Body> textBodies() {
        Arbitrary<String> models = Arbitraries.oneOf(Arbitraries.of(SentimentModel.values()).map(m -> Mutations.jsonString(m.id())),
                Arbitraries.of("null", "1", "[]", "{}", "\"MR\"", "\"\"", "\"mr \"", "\"../mr\"", "true"),
                Mutations.nastyText(12).map(Mutations::jsonString));
        Arbitrary<String> texts = Mutations.mix(
                Mutations.w(6, Mutations.nastyText(400)),
                Mutations.w(1, Mutations.nastyText(3000)),
                Mutations.w(1, Arbitraries.integers().between(1990, 16_000).map(n -> "a good movie ".repeat(n / 13 + 1).substring(0, n))));
        return Mutations.mix(
                Mutations.w(5, Combinators.combine(texts, models, Arbitraries.of(true, false)).as((t, m, withModel) -> Body.of("odd sentence",
                        "application/json", "{\"text\":" + Mutations.jsonString(t) + (withModel ? ",\"model\":" + m : "") + "}"))),
                Mutations.w(1, Mutations.randomBytes(2000).map(b -> new Body("random bytes", "application/json", b))),
                Mutations.w(2, Arbitraries.randomValue(r -> Body.of("mutated valid JSON", "application/json",
                        Mutations.mutate("{\"text\":\"a gripping and moving film\",\"model\":\"mr\"}", r)))),
                Mutations.w(1, Arbitraries.of("{\"text\":null}", "{\"text\":1}", "{\"text\":[\"good\"]}", "{\"text\":{}}", "{\"text\":true}",
                        "{\"txt\":\"good\"}", "[\"good\"]", "\"good\"", "{\"text\":\"good\",\"model\":null}", "{\"text\":\"\"}",
                        "{\"text\":\"   \"}", "{\"text\":\"!!! ??? ,,,\"}", "{\"text\":\"\\u0000\"}", "{\"text\":\"\\ud800\"}",
                        "{\"text\":\"good\"}{\"text\":\"bad\"}", "{\"text\":\"good\\x\"}")
                        .map(s -> Body.of("wrong types or shapes", "application/json", s))),
                Mutations.w(1, Combinators.combine(Arbitraries.integers().between(1, 30_000), Arbitraries.of(true, false))
                        .as((d, closed) -> Body.of("deep nesting", "application/json", "{\"text\":" + "[".repeat(d) + (closed ? "]".repeat(d) : "") + "}"))),
                Mutations.w(1, Arbitraries.integers().between(64 * 1024 + 1, 120_000).map(n -> Body.of("oversized", "application/json",
                        "{\"text\":\"" + "x".repeat(n) + "\"}"))),
                Mutations.w(1, Arbitraries.of(CONTENT_TYPES).map(t -> Body.of("wrong content type", t, "{\"text\":\"good\"}"))));
    }

    // ------------------------------------------------------------------------------------------------ paths and methods

    /** What a request to some /api path or /health with some method may answer: JSON, and never a 5xx. */
    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void oddMethodsAndPathsAnswerJson(@ForAll("methods") String method, @ForAll("apiPaths") String path) {
        byte[] body = "{\"text\":\"good\"}".getBytes(StandardCharsets.UTF_8);
        LabHttp.Raw r = LabHttp.raw(method, path, method.equals("GET") || method.equals("HEAD") ? null : body, "application/json");
        String what = method + " " + path;
        assertTrue(r.status() < 500, what + " -> " + r.status() + " " + LabHttp.shorten(r.text()));
        String outcome;
        if (r.status() == 400 && !r.header("content-type").startsWith("application/json")) {
            // Jetty refuses what is not HTTP (a broken escape, a NUL, an ambiguous path) before any servlet sees it
            outcome = "400 refused by Jetty";
            LabHttp.assertNoStackTrace(r.text(), what);
        } else if (method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            outcome = r.status() + " " + method;
            LabHttp.assertNoStackTrace(r.text(), what);
        } else if (r.status() >= 400) {
            outcome = LabHttp.assertClearJsonError(r.status(), r.header("content-type"), r.text(), what);
        } else {
            outcome = r.status() + " " + (path.startsWith("/health") ? "health" : "read");
        }
        tally(method.matches("GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE") ? method : "other method", outcome);
    }

    @Provide
    Arbitrary<String> methods() {
        return Mutations.mix(Mutations.w(3, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")),
                Mutations.w(1, Arbitraries.of("PROPFIND", "MKCOL", "CONNECT2", "FOO", "get", "Post", "X-LONG-" + "M".repeat(200))),
                Mutations.w(1, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12)));
    }

    @Provide
    Arbitrary<String> apiPaths() {
        Arbitrary<String> prefix = Arbitraries.of("/api/digits/", "/api/speech/", "/api/text/", "/api/", "/api/digits", "/health", "/health/",
                "/api/go/", "/api/features/", "/api//digits/", "/API/digits/");
        Arbitrary<String> tail = Arbitraries.oneOf(
                Arbitraries.of("classify", "classify/", "classify/x", "Classify", "classify?x=1", "classify;jsessionid=1", "classify%2F",
                        "classify%00", "..%2Fclassify", "%2e%2e/health", "", "classify#frag", "classify?" + "a=1&".repeat(300),
                        "x".repeat(3000), "%ff%fe", "%", "%zz", "%u0041", "\u00e9", "classify/../../health"),
                Arbitraries.strings().withChars("abcxyz/.%-_~;?=&0123456789").ofMaxLength(40));
        return Combinators.combine(prefix, tail).as((p, t) -> p + t);
    }
}
