package cnnlab.train;

import cnnlab.nn.ModelFiles;
import cnnlab.nn.NativeThreads;
import cnnlab.text.FilterNgrams;
import cnnlab.text.Sentence;
import cnnlab.text.SentimentData;
import cnnlab.text.TextModel;
import cnnlab.text.TextTraining;
import cnnlab.text.Vocabulary;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train text-mr} and {@code train text-sst2}: Kim's CNN with embeddings learned from scratch (CNN-rand).
 * MR has no split, so its figure is 10-fold cross-validation (Kim's protocol) and the shipped model is fold 0's,
 * trained on the other nine folds; SST-2 trains on its train split and reports dev after every epoch and test at the end.
 */
final class TrainText {
    /** Kim's settings except the embedding size (300 in the paper; 128 here, ~2x faster on two cores). */
    static final int DIMENSIONS = 128, BATCH = 50, EPOCHS = 5;

    private TrainText() { }

    /** The shipped model's training and held-out sentences: MR's folds other than 0 and fold 0; SST-2's train and test. */
    static List<List<Sentence>> shippedSplit(String model, Path data, long seed, int folds) throws java.io.IOException {
        if (model.equals("text-mr")) {
            List<Sentence> all = SentimentData.mr(data), train = new ArrayList<>(), test = new ArrayList<>();
            int[] fold = SentimentData.folds(all.size(), folds, seed);
            for (int i = 0; i < all.size(); i++) (fold[i] == 0 ? test : train).add(all.get(i));
            return List.of(train, test);
        }
        return List.of(SentimentData.sst2(data, "train"), SentimentData.sst2(data, "test"));
    }

    /** What every filter fires on in the training sentences, written beside the model for the page. */
    static void writeNgrams(TextModel model, List<Sentence> train, Path target) throws java.io.IOException {
        FilterNgrams.compute(model.net(), model.vocabulary(), train, FILTER_NGRAMS).write(FilterNgrams.file(target));
    }

    /** N-grams kept per filter. */
    static final int FILTER_NGRAMS = 8;

    private static String command(String model, Path data, Integer epochs, long seed, Integer batch) {
        return "java -jar target/cnn-lab.jar train " + model + " --data " + data + (epochs != null ? " --epochs " + epochs : "")
                + " --seed " + seed + (batch != null ? " --batch " + batch : "");
    }

    /** {@code evaluate text-mr|text-sst2}: the shipped model on its held-out sentences; rewrites its filter n-grams. */
    static int evaluate(String model, Path data, Path file) throws Exception {
        NativeThreads.useOneBlasThread();
        List<List<Sentence>> split = shippedSplit(model, data, DEFAULT_SEED, 10);
        TextModel m = TextModel.load(file);
        double a = TextTraining.accuracy(m.net(), m.vocabulary(), split.get(1));
        writeNgrams(m, split.get(0), file);
        System.out.printf(Locale.ROOT, "model=%s%nngrams=%s%naccuracy=%.4f n=%d%n", file, FilterNgrams.file(file), a, split.get(1).size());
        return 0;
    }

    static final long DEFAULT_SEED = 42;

    static int run(String model, Path data, Path out, Integer epochs, long seed, Integer batch, int folds) throws Exception {
        NativeThreads.useOneBlasThread();
        TextTraining.Settings settings = new TextTraining.Settings(epochs != null ? epochs : EPOCHS, batch != null ? batch : BATCH,
                seed, 1e-3, DIMENSIONS);
        Path target = out != null ? out : Path.of("models", model + ".zip");
        long t0 = System.nanoTime();
        if (model.equals("text-mr")) {
            List<Sentence> all = SentimentData.mr(data);
            int[] fold = SentimentData.folds(all.size(), folds, seed);
            double sum = 0, sumSq = 0;
            for (int f = 0; f < folds; f++) {
                List<Sentence> train = new ArrayList<>(), test = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) (fold[i] == f ? test : train).add(all.get(i));
                Vocabulary vocabulary = Vocabulary.of(train);
                ComputationGraph net = new TextTraining(settings, System.out).train(train, vocabulary, test);
                double a = TextTraining.accuracy(net, vocabulary, test);
                sum += a;
                sumSq += a * a;
                System.out.printf(Locale.ROOT, "fold %d: accuracy %.4f on %d held-out sentences (%.0f s so far)%n", f, a, test.size(),
                        (System.nanoTime() - t0) / 1e9);
                if (f == 0) {   // the shipped model: all folds but one
                    new TextModel(net, vocabulary).save(target);
                    writeNgrams(new TextModel(net, vocabulary), train, target);
                }
            }
            double mean = sum / folds, sd = Math.sqrt(Math.max(0, sumSq / folds - mean * mean));
            double seconds = (System.nanoTime() - t0) / 1e9;
            TextModel shipped = TextModel.load(target);
            Files.writeString(ModelFiles.sibling(target, ".md"), ModelCard.text(model, "MR, Pang & Lee 2005 (../shared/data/rt-polarity), 10,662 snippets",
                    settings, shipped.net().numParams(), shipped.vocabulary().size(), all.size() - all.size() / folds,
                    String.format(Locale.ROOT, "%d-fold cross-validation (folds by seed %d): mean %.4f (sd %.4f) over %,d sentences; "
                            + "this file is fold 0's model, trained on the other %d folds", folds, seed, mean, sd, all.size(), folds - 1),
                    seconds, command(model, data, epochs, seed, batch), LocalDate.now()));
            System.out.printf(Locale.ROOT, "saved %s (fold 0's model) in %.0f s%n", target, seconds);
            System.out.printf(Locale.ROOT, "cv_sd=%.4f%naccuracy=%.4f n=%d folds=%d%n", sd, mean, all.size(), folds);
            return 0;
        }
        List<Sentence> train = SentimentData.sst2(data, "train"), dev = SentimentData.sst2(data, "dev"), test = SentimentData.sst2(data, "test");
        Vocabulary vocabulary = Vocabulary.of(train);
        ComputationGraph net = new TextTraining(settings, System.out).train(train, vocabulary, dev);
        double a = TextTraining.accuracy(net, vocabulary, test), devAccuracy = TextTraining.accuracy(net, vocabulary, dev);
        new TextModel(net, vocabulary).save(target);
        writeNgrams(new TextModel(net, vocabulary), train, target);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(ModelFiles.sibling(target, ".md"), ModelCard.text(model, "SST-2, Socher et al. 2013, Kim's sentence-level split (../shared/data/sst2)",
                settings, net.numParams(), vocabulary.size(), train.size(),
                String.format(Locale.ROOT, "test %.4f on %,d sentences (dev %.4f on %,d)", a, test.size(), devAccuracy, dev.size()),
                seconds, command(model, data, epochs, seed, batch), LocalDate.now()));
        System.out.printf(Locale.ROOT, "saved %s in %.0f s%n", target, seconds);
        System.out.printf(Locale.ROOT, "accuracy=%.4f n=%d%n", a, test.size());
        return 0;
    }
}
