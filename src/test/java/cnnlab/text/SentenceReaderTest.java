package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explanation of one sentence, checked against the filters' arithmetic done here by hand. */
class SentenceReaderTest {
    private static final List<Sentence> CORPUS = List.of(
            new Sentence(List.of("not", "good", "at", "all"), 0),
            new Sentence(List.of("a", "very", "good", "film"), 1),
            new Sentence(List.of("dull", "and", "not", "worth", "it"), 0));

    @Test
    void theHighlightedNgramIsWhereEachFilterPeaks() {
        Vocabulary v = Vocabulary.of(CORPUS);
        ComputationGraph net = KimCnn.create(v.size(), 6, 3, 1e-3);
        SentenceReader reader = new SentenceReader(net, v);
        List<String> tokens = List.of("a", "film", "not", "worth", "unseenword", "at", "all");
        SentenceReading r = reader.read(tokens, 300);
        assertEquals(300, r.top().size());
        INDArray embedding = net.getLayer(KimCnn.EMBEDDING).getParam("W");   // [vocabulary, dimensions]
        int[] ids = new int[tokens.size() + 2 * KimCnn.PAD];
        for (int t = 0; t < tokens.size(); t++) ids[KimCnn.PAD + t] = v.index(tokens.get(t));
        for (SentenceReading.Hit hit : r.top()) {
            // DL4J 1.0.0-M2.1's Convolution1DLayer reports W as [filters, dimensions, width, 1] but its conv1d op reads
            // the same memory as [width][dimensions][filters] (checked against the layer's output for all six orders)
            float[] w = net.getLayer(KimCnn.conv(hit.width())).getParam("W").dup('c').data().asFloat();
            int dims = (int) embedding.size(1);
            INDArray b = net.getLayer(KimCnn.conv(hit.width())).getParam("b");
            double best = -1;
            double[] manual = new double[ids.length];
            for (int p = 0; p + hit.width() <= ids.length; p++) {
                double sum = b.getDouble(hit.filter());
                for (int j = 0; j < hit.width(); j++) {
                    for (int d = 0; d < dims; d++) sum += w[(j * dims + d) * KimCnn.FILTERS + hit.filter()] * embedding.getDouble(ids[p + j], d);
                }
                manual[p] = Math.max(0, sum);
                best = Math.max(best, manual[p]);
            }
            assertEquals(best, hit.value(), 1e-4, "filter " + hit.width() + "/" + hit.filter() + " peak value");
            // windows of identical words (all padding) tie up to float rounding: any of them is the peak
            assertEquals(best, manual[hit.start()], 1e-4, "filter " + hit.width() + "/" + hit.filter() + " peaks at the highlighted n-gram");
        }
        double sign = r.positive() >= 0.5 ? 1 : -1;
        for (int i = 1; i < r.top().size(); i++) {
            assertTrue(sign * r.top().get(i - 1).contribution() >= sign * r.top().get(i).contribution(), "strongest first");
        }
        assertEquals(List.of(true, true, true, true, false, true, true), r.known());
        assertEquals(ids.length, r.embedded().length, "one matrix row per padded word");
        for (int p = 0; p < ids.length; p++) {
            for (int d = 0; d < embedding.size(1); d++) assertEquals(embedding.getFloat(ids[p], d), r.embedded()[p][d], 0f);
        }
        assertEquals("·", r.paddedWords().get(0));
        assertEquals("a", r.paddedWords().get(KimCnn.PAD));
    }

    @Test
    void oneWordIsPaddedToFillTheWidestFilter() {
        Vocabulary v = Vocabulary.of(CORPUS);
        SentenceReader reader = new SentenceReader(KimCnn.create(v.size(), 4, 3, 1e-3), v);
        SentenceReading r = reader.read(List.of("good"), 5);
        for (SentenceReading.Width w : r.widths()) assertEquals(1 + 2 * KimCnn.PAD - w.width() + 1, w.responses()[0].length);
        SentenceReading.Hit hit = r.top().get(0);
        assertTrue(r.ngram(hit).split(" ").length == hit.width());
        assertTrue(r.positive() > 0 && r.positive() < 1);
        assertThrows(IllegalArgumentException.class, () -> reader.read(List.of(), 5));
    }
}
