package cnnlab.digits;

import cnnlab.jobs.JobRunner;
import cnnlab.nn.LectureCnn;
import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitsServiceTest {
    static DigitsService classifier;

    @BeforeAll
    static void load() {
        classifier = new DigitsService(ShippedModel.network().clone());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void anEmptyDrawingReadsAsNothingNotAGuess() {
        assertEquals(Optional.empty(), classifier.read(Drawing.empty(280, 280, 20)).join());
    }

    @Test
    void aDrawingOffToOneSideIsCentredBeforeTheNetworkSeesIt() {
        Drawing one = new Drawing(280, 280, 20, List.of(new float[]{30, 20, 30, 130}));   // small, in a corner
        DigitReading r = classifier.read(one).join().orElseThrow();
        assertEquals(1, r.label());
        double[] com = MnistPreprocessorTest.centreOfMass(r.networkInput());
        assertEquals(14.0, com[0], 0.1);
        assertEquals(14.0, com[1], 0.1);
        float sum = 0;
        for (float p : r.probabilities()) sum += p;
        assertEquals(1f, sum, 1e-4f);
    }

    @Test
    void aDrawingAsThePadSendsItIsParsedAndReadOnTheJobPool() throws Exception {
        try (JobRunner jobs = new JobRunner(1, 8)) {
            String one = "{\"width\":280,\"height\":280,\"pen\":20,\"strokes\":[[140,40,140,90,140,140,140,190,140,240]]}";
            assertEquals(1, classifier.submit(jobs, one, false).get(10, TimeUnit.SECONDS).orElseThrow().label());
            assertEquals(1, classifier.submit(jobs, one, true).get(10, TimeUnit.SECONDS).orElseThrow().label(), "a preview reads the same");
            ExecutionException bad = assertThrows(ExecutionException.class, () -> classifier.submit(jobs, "{\"strokes\":5}", false).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, bad.getCause(), "the page says what is wrong with the drawing");
        }
    }

    @Test
    void filtersAreTheNetworksWeights() {
        assertEquals(25, classifier.filters(LectureCnn.CONV1).count());
        assertEquals(1, classifier.filters(LectureCnn.CONV1).inChannels());
        assertEquals(50, classifier.filters(LectureCnn.CONV2).count());
        assertEquals(25 * 9, classifier.filters(LectureCnn.CONV2).filter(49).length);
        float w = ShippedModel.network().getLayer(LectureCnn.CONV2).getParam("W").getFloat(new long[]{3, 4, 1, 2});
        assertEquals(w, classifier.filters(LectureCnn.CONV2).filter(3)[4 * 9 + 1 * 3 + 2]);
        assertThrows(IllegalArgumentException.class, () -> classifier.filters(1));
        assertTrue(classifier.filters(LectureCnn.CONV1).biases().length == 25);
    }
}
