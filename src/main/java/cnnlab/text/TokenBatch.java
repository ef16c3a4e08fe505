package cnnlab.text;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Sentences as the network takes them: vocabulary rows, {@link KimCnn#PAD} padding words on each side (so a sentence of
 * one word still fills the widest filter), and a batch padded to its longest sentence with a mask so that the
 * max-over-time pooling ignores the batch padding. Shape [n, length] for both.
 */
public record TokenBatch(INDArray tokens, INDArray mask, int[] lengths) {
    public static TokenBatch of(List<List<String>> sentences, Vocabulary vocabulary) {
        int n = sentences.size(), longest = 0;
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = sentences.get(i).size() + 2 * KimCnn.PAD;
            longest = Math.max(longest, lengths[i]);
        }
        float[] ids = new float[n * longest], mask = new float[n * longest];
        for (int i = 0; i < n; i++) {
            List<String> s = sentences.get(i);
            for (int t = 0; t < s.size(); t++) ids[i * longest + KimCnn.PAD + t] = vocabulary.index(s.get(t));
            for (int t = 0; t < lengths[i]; t++) mask[i * longest + t] = 1;   // padding words count: Kim's zero vectors
        }
        return new TokenBatch(Nd4j.create(ids, new long[] {n, longest}, 'c'), Nd4j.create(mask, new long[] {n, longest}, 'c'), lengths);
    }
}
