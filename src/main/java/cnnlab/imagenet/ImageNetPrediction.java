package cnnlab.imagenet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** One class of a classification: its output index, name and probability. */
public record ImageNetPrediction(int index, String label, float probability) {
    /** The k most probable classes, most probable first. */
    public static List<ImageNetPrediction> top(float[] probabilities, int k) {
        List<ImageNetPrediction> out = new ArrayList<>();
        IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i))
                .limit(k)
                .forEach(i -> out.add(new ImageNetPrediction(i, ImageNetLabels.of(i), probabilities[i])));
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.3f", label, probability);
    }
}
