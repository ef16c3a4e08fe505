package cnnlab.text;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads one sentence with a trained Kim CNN and explains the decision: every filter's response along the sentence,
 * max-over-time pooling's winner per filter, and each filter's contribution to positive-vs-negative (its pooled value
 * times the difference of its two output weights; dropout is off at inference). Not thread-safe: the caller owns the
 * network.
 */
public final class SentenceReader implements AutoCloseable {
    private final ComputationGraph net;
    private final Vocabulary vocabulary;
    private final float[] towardsPositive;   // per pooled feature: W[f, positive] - W[f, negative]

    public SentenceReader(ComputationGraph net, Vocabulary vocabulary) {
        this.net = net;
        this.vocabulary = vocabulary;
        INDArray w = net.getLayer(KimCnn.OUTPUT).getParam("W");   // [features, 2]
        towardsPositive = new float[(int) w.size(0)];
        for (int f = 0; f < towardsPositive.length; f++) towardsPositive[f] = w.getFloat(f, 1) - w.getFloat(f, 0);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** {@code tokens} must not be empty (the page asks for a sentence instead). */
    public SentenceReading read(List<String> tokens, int topHits) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("no words to read");
        TokenBatch e = TokenBatch.of(List.of(tokens), vocabulary);
        Map<String, INDArray> a = net.feedForward(new INDArray[] {e.tokens()}, false, false);
        double positive = a.get(KimCnn.OUTPUT).getDouble(0, 1);
        List<SentenceReading.Width> widths = new ArrayList<>();
        List<SentenceReading.Hit> hits = new ArrayList<>();
        for (int i = 0; i < KimCnn.WIDTHS.size(); i++) {
            int h = KimCnn.WIDTHS.get(i);
            INDArray conv = a.get(KimCnn.conv(h));   // [1, filters, positions]
            int filters = (int) conv.size(1), positions = (int) conv.size(2);
            float[][] r = new float[filters][positions];
            for (int k = 0; k < filters; k++) {
                int best = 0;
                for (int p = 0; p < positions; p++) {
                    r[k][p] = conv.getFloat(0, k, p);
                    if (r[k][p] > r[k][best]) best = p;
                }
                float value = r[k][best];
                hits.add(new SentenceReading.Hit(h, k, value, best, value * towardsPositive[i * KimCnn.FILTERS + k]));
            }
            widths.add(new SentenceReading.Width(h, r));
        }
        // the filters that pushed hardest towards the verdict, strongest first
        double sign = positive >= 0.5 ? 1 : -1;
        hits.sort(Comparator.comparingDouble((SentenceReading.Hit hit) -> -sign * hit.contribution()));
        List<Boolean> known = tokens.stream().map(vocabulary::knows).toList();
        INDArray m = a.get(KimCnn.EMBEDDING);   // [1, dimensions, words]
        float[][] embedded = new float[(int) m.size(2)][(int) m.size(1)];
        for (int p = 0; p < embedded.length; p++) for (int d = 0; d < embedded[p].length; d++) embedded[p][d] = m.getFloat(0, d, p);
        return new SentenceReading(List.copyOf(tokens), known, positive, widths, List.copyOf(hits.subList(0, Math.min(topHits, hits.size()))),
                embedded);
    }

    /** Frees the network's native memory; nothing may read with this reader afterwards. */
    @Override
    public void close() {
        net.close();
    }
}
