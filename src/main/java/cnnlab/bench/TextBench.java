package cnnlab.bench;

import cnnlab.text.KimCnn;
import cnnlab.text.Sentence;
import cnnlab.text.SentimentModel;
import cnnlab.text.TextService;
import cnnlab.text.TextTraining;
import cnnlab.text.Tokenizer;
import cnnlab.text.Vocabulary;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static cnnlab.bench.Timing.medianMs;
import static cnnlab.bench.Timing.print;

/**
 * {@code bench text}: classify_&lt;model&gt;_ms (one 20-word sentence read and explained, as the page and the API do it),
 * tokenize_ms, and train_batch50_ms (one Kim-CNN training step on 50 sentences of ~20 words, 128-dimensional
 * embeddings over an 18,000-word vocabulary) with the epoch time it implies for MR (9,596 training sentences).
 */
public final class TextBench {
    private static final String SENTENCE = "the story is not nearly as clever as it thinks it is , but the cast is "
            + "charming and the ending works";

    private final Path models;

    public TextBench(Path models) {
        this.models = models;
    }

    public void run(PrintStream out) throws Exception {
        print(out, "tokenize_ms", medianMs(100, 1000, () -> Tokenizer.tokens(SENTENCE)));
        TextService text = TextService.load(models);
        for (SentimentModel m : text.available()) {
            print(out, "classify_" + m.id() + "_ms", medianMs(20, 200, () -> {
                try {
                    text.read(SENTENCE, m);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Random rng = new Random(1);
        List<Sentence> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 20; w++) words.add("w" + rng.nextInt(18_000));
            batch.add(new Sentence(words, i % 2));
        }
        Vocabulary vocabulary = Vocabulary.of(batch);
        ComputationGraph net = KimCnn.create(18_000, 128, 1, 1e-3);
        TextTraining training = new TextTraining(new TextTraining.Settings(1, 50, 1, 1e-3, 128, false), new PrintStream(PrintStream.nullOutputStream()));
        double step = medianMs(3, 20, () -> training.train(net, batch, vocabulary, null));
        print(out, "train_batch50_ms", step);
        print(out, "train_epoch_mr_s", step * Math.ceil(9596 / 50.0) / 1000);
    }
}
