package cnnlab.fuzz;

import cnnlab.digits.DigitReading;
import cnnlab.digits.Drawing;
import cnnlab.nn.ShippedModel;
import cnnlab.Lab;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the draw pad sends (frontend/draw-pad.ts: {"width","height","pen","strokes":[[x0,y0,x1,y1,...],...]}), as a
 * hostile browser could send it, through the server's own path: {@link Drawing#parse}, then the digits service's
 * rendering, MNIST preparation and reading. Each payload is read or refused with an IllegalArgumentException whose
 * message the page shows; nothing else escapes, nothing hangs, and a real drawing still reads right afterwards.
 */
@Tag("fuzz")
class CanvasFuzzTest {
    private static final String A_ONE = "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[140,40,140,240]]}";

    @BeforeContainer
    static void start() {
        Lab.start(ShippedModel.MODELS);
    }

    @AfterProperty
    void aRealDrawingStillReadsRight() throws Exception {
        Optional<DigitReading> r = Lab.current().digits().read(Drawing.parse(A_ONE)).get(Deadline.SECONDS, TimeUnit.SECONDS);
        assertEquals(1, r.orElseThrow().label(), "a vertical stroke still reads as 1");
    }

    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyPadPayloadIsReadOrRefusedWithAMessage(@ForAll("payloads") String json) throws Exception {
        String outcome = Deadline.call(() -> readOrRefuse(json), LabHttp.shorten(json));
        Statistics.label("outcome").collect(outcome);
    }

    private static String readOrRefuse(String json) throws Exception {
        Drawing d;
        try {
            d = Drawing.parse(json);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
            return "refused: " + LabHttp.messageClass(e.getMessage());
        }
        Optional<DigitReading> r = Lab.current().digits().read(d).get(Deadline.SECONDS, TimeUnit.SECONDS);
        if (r.isEmpty()) return "read: no ink";
        DigitReading reading = r.get();
        float[] p = reading.probabilities();
        double sum = 0;
        for (float v : p) {
            assertTrue(Float.isFinite(v) && v >= 0, "probabilities are numbers in 0..1");
            sum += v;
        }
        assertEquals(1.0, sum, 1e-3);
        for (float v : reading.networkInput().pixels()) assertFalse(!Float.isFinite(v) || v < 0 || v > 1, "the 28x28 input stays in 0..1");
        return "read: a digit";
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> coordinate = Mutations.mix(
                Mutations.w(8, Arbitraries.doubles().between(-50, 330).map(v -> String.valueOf(Math.round(v * 10) / 10.0))),
                Mutations.w(2, Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "null", "1e308", "-1e308", "1e309", "4.9e-324", "-0",
                        "600", "1200", "1200.0001", "-600.0001", "\"140\"", "true", "[]", "{}", "[140,40]", "0x10", "1e400",
                        "123456789012345678901234567890", "1" + "0".repeat(1100))),
                Mutations.w(1, Arbitraries.doubles().map(String::valueOf)));
        Arbitrary<String> stroke = coordinate.list().ofMaxSize(40).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> number = Arbitraries.of("280", "1", "0", "-1", "600", "601", "0.5", "0.49", "60", "61", "NaN", "Infinity", "1e9",
                "null", "\"280\"", "[280]", "2147483648", "-2147483649", "20", "1e-9");
        Arbitrary<String> structured = Combinators.combine(number, number, number, stroke.list().ofMaxSize(12))
                .as((w, h, pen, strokes) -> "{\"width\":" + w + ",\"height\":" + h + ",\"pen\":" + pen + ",\"strokes\":[" + String.join(",", strokes) + "]}");
        Arbitrary<String> manyPoints = Combinators.combine(Arbitraries.integers().between(1, Drawing.MAX_POINTS + 500), Arbitraries.integers().between(1, 250),
                        Arbitraries.of("600", "280", "20"), Arbitraries.of("60", "0.5", "20"))
                .as((points, strokes, side, pen) -> many(points, strokes, side, pen));
        return Mutations.mix(
                Mutations.w(10, structured),
                Mutations.w(2, Arbitraries.of("{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[]]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[],[],[]]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[140]]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[140,40,140]]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[[140,40]]]}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":null}",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":{}}",
                        "{\"width\":280,\"height\":280,\"pen\":20}", "{}", "[]", "null", "", " ", "\"drawing\"", "42",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[]} trailing",
                        "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[-600,-600,1200,1200]]}",
                        "{\"width\":1,\"height\":1,\"pen\":60,\"strokes\":[[0,0]]}",
                        "{\"width\":600,\"height\":600,\"pen\":0.5,\"strokes\":[[1200,1200,1200,1200]]}")),
                Mutations.w(3, manyPoints),
                // past the 400,000-character cap: a million points is refused before it is parsed
                Mutations.w(1, Arbitraries.of(1_000_000, 200_000).map(n -> many(n, 1, "280", "20"))),
                Mutations.w(2, Arbitraries.randomValue(r -> Mutations.mutate(A_ONE, r))),
                Mutations.w(1, Combinators.combine(Arbitraries.integers().between(1, 20_000), Arbitraries.of(true, false))
                        .as((d, closed) -> "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":" + "[".repeat(d) + (closed ? "]".repeat(d) : "") + "}")),
                Mutations.w(1, Mutations.nastyText(100)));
    }

    /** A payload of {@code points} points spread over {@code strokes} strokes, zig-zagging across the pad. */
    private static String many(int points, int strokes, String side, String pen) {
        StringBuilder b = new StringBuilder("{\"width\":").append(side).append(",\"height\":").append(side).append(",\"pen\":").append(pen)
                .append(",\"strokes\":[");
        int perStroke = Math.max(1, points / strokes);
        for (int s = 0, done = 0; s < strokes && done < points; s++) {
            StringJoiner j = new StringJoiner(",", s == 0 ? "[" : ",[", "]");
            for (int i = 0; i < perStroke && done < points; i++, done++) j.add((i * 37 % 280) + "," + (i * 53 % 280));
            b.append(j);
        }
        return b.append("]}").toString();
    }
}
