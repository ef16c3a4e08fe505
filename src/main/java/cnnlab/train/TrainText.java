package cnnlab.train;

import cnnlab.nn.ModelFiles;
import cnnlab.nn.NativeThreads;
import cnnlab.text.FilterNgrams;
import cnnlab.text.HeldOutOverlap;
import cnnlab.text.KimCnn;
import cnnlab.text.Sentence;
import cnnlab.text.SentimentData;
import cnnlab.text.SentimentModel;
import cnnlab.text.TextModel;
import cnnlab.text.TextTraining;
import cnnlab.text.Vocabulary;
import cnnlab.text.WordVectors;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code train text-mr|text-sst2|text-mr-w2v|text-sst2-w2v}: Kim's CNN with embeddings learned from scratch (CNN-rand)
 * or started from word2vec vectors trained here and fine-tuned (CNN-non-static). MR has no split, so its figure is
 * 10-fold cross-validation (Kim's protocol; word2vec is retrained for every fold, without that fold) and the shipped
 * model is fold 0's, trained on the other nine folds; SST-2 trains on its train split (optionally with MR's
 * sentences that do not overlap its dev or test set), keeps the epoch that did best on dev and reports test at the end.
 */
final class TrainText {
    /** Kim's settings except the embedding size (300 in the paper; 128 here, ~2x faster on two cores). */
    static final int DIMENSIONS = 128, BATCH = 50;
    /** MR's epochs by embeddings: chosen on MR fold 0 (more overfit: fold 0 fell from 75.9% to 75.0% at 5). */
    static final int EPOCHS_RANDOM = 3, EPOCHS_WORD2VEC = 2;
    /** SST-2: the most epochs; the one that does best on dev is kept. */
    static final int EPOCHS_SST2 = 6;
    /**
     * Word2vec: window of 5 words each side, 5 passes over the corpus (~45 s). 20 passes were tried and did not help
     * beyond run-to-run noise (MR folds 0-3: 75.8, 75.1, 77.3, 75.7% against 76.6, 74.7, 77.2, 76.7% with 5).
     */
    static final int WORD2VEC_WINDOW = 5, WORD2VEC_EPOCHS = 5;
    static final long DEFAULT_SEED = 42;
    /** N-grams kept per filter. */
    static final int FILTER_NGRAMS = 8;

    private TrainText() { }

    /** The labelled sentences of one model: training, and the held-out ones it is scored on (and, SST-2, dev). */
    record Split(List<Sentence> train, List<Sentence> test, List<Sentence> dev) {
        /** Every sentence word2vec must not read: the ones scored on. */
        List<Sentence> heldOut() {
            List<Sentence> all = new ArrayList<>(test);
            all.addAll(dev);
            return all;
        }
    }

    static Split mrFold(List<Sentence> all, int[] fold, int f) {
        List<Sentence> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) (fold[i] == f ? test : train).add(all.get(i));
        return new Split(train, test, List.of());
    }

    /** The shipped model's split: MR's fold 0 held out, or SST-2's train / test / dev. */
    static Split shippedSplit(SentimentModel model, Path data, long seed, int folds) throws IOException {
        if (model.dataset() == SentimentModel.Dataset.MR) {
            List<Sentence> all = SentimentData.mr(data);
            return mrFold(all, SentimentData.folds(all.size(), folds, seed), 0);
        }
        return new Split(SentimentData.sst2(data, "train"), SentimentData.sst2(data, "test"), SentimentData.sst2(data, "dev"));
    }

    /** A trained model and the point of training (epochs) whose weights it holds. */
    record Fitted(TextModel model, double epoch) { }

    /**
     * Word2vec's settings from the command line, null where not given: passes, window, minimum count, negative samples
     * (0 = hierarchical softmax), down-sampling of frequent words.
     */
    record Word2VecOptions(Integer epochs, Integer window, Integer minCount, Integer negative, Double sample) {
        static final Word2VecOptions DEFAULTS = new Word2VecOptions(null, null, null, null, null);

        WordVectors.Settings settings(int dimensions, long seed) {
            return new WordVectors.Settings(dimensions, window != null ? window : WORD2VEC_WINDOW, epochs != null ? epochs : WORD2VEC_EPOCHS, seed,
                    minCount != null ? minCount : 1, negative != null ? negative : 0, sample != null ? sample : 0);
        }

        /** The options as given on the command line, for the model card's command. */
        String arguments() {
            return (epochs != null ? " --w2v-epochs " + epochs : "") + (window != null ? " --w2v-window " + window : "")
                    + (minCount != null ? " --w2v-min-count " + minCount : "") + (negative != null ? " --w2v-negative " + negative : "")
                    + (sample != null ? " --w2v-sample " + java.math.BigDecimal.valueOf(sample).toPlainString() : "");
        }
    }

    /** Trains one network on {@code split}; for word2vec models, first the word vectors on {@code unlabelled} text. */
    static Fitted fit(SentimentModel model, Split split, List<Sentence> unlabelled, TextTraining.Settings s) {
        return fit(model, split, unlabelled, s, Word2VecOptions.DEFAULTS);
    }

    static Fitted fit(SentimentModel model, Split split, List<Sentence> unlabelled, TextTraining.Settings s, Word2VecOptions w2v) {
        Vocabulary vocabulary = Vocabulary.of(split.train());
        ComputationGraph net;
        if (model.embeddings() == SentimentModel.Embeddings.WORD2VEC) {
            long t0 = System.nanoTime();
            List<List<String>> corpus = WordVectors.corpus(unlabelled, split.heldOut());
            WordVectors vectors = WordVectors.train(corpus, w2v.settings(s.dimensions(), s.seed()));
            vocabulary = vocabulary.plus(new TreeSet<>(vectors.words()));
            net = KimCnn.create(vocabulary.size(), s.dimensions(), s.seed(), s.network());
            int set = vectors.initialise(net, vocabulary);
            System.out.printf(Locale.ROOT, "word2vec: %,d of %,d unlabelled sentences (the rest share %d words in a row with a held-out one), "
                    + "%,d words, %.0f s; %,d of %,d embedding rows start from them; nearest to 'good': %s%n", corpus.size(), unlabelled.size(),
                    WordVectors.OVERLAP, vectors.words().size(), (System.nanoTime() - t0) / 1e9, set, vocabulary.size(), vectors.nearest("good", 5));
        } else {
            net = KimCnn.create(vocabulary.size(), s.dimensions(), s.seed(), s.network());
        }
        TextTraining training = new TextTraining(s, System.out);
        training.train(net, split.train(), vocabulary, split.dev().isEmpty() ? split.test() : split.dev());
        return new Fitted(new TextModel(net, vocabulary), training.keptEpoch());
    }

    /** The unlabelled sentences of every dataset folder given (MR's or SST-2's layout); labels are not used. */
    static List<Sentence> unlabelled(List<Path> folders) throws IOException {
        List<Sentence> out = new ArrayList<>();
        for (Path f : folders) {
            if (Files.isRegularFile(f.resolve("rt-polarity.pos"))) out.addAll(SentimentData.mr(f));
            else if (Files.isRegularFile(f.resolve("stsa.binary.train"))) for (String split : List.of("train", "dev", "test")) out.addAll(SentimentData.sst2(f, split));
            else throw new IOException(f + " holds neither MR (rt-polarity.pos/.neg) nor SST-2 (stsa.binary.*)");
        }
        return out;
    }

    /** Word2vec's folders when none are given: the dataset's own and its siblings rt-polarity and sst2 where present. */
    static List<Path> defaultCorpus(Path data) {
        List<Path> out = new ArrayList<>(List.of(data));
        Path parent = data.toAbsolutePath().normalize().getParent();
        for (String name : List.of("rt-polarity", "sst2")) {
            Path sibling = data.resolveSibling(name);
            if (parent != null && !parent.resolve(name).equals(data.toAbsolutePath().normalize()) && Files.isDirectory(sibling)) out.add(sibling);
        }
        return out;
    }

    /** What every filter fires on in the training sentences, written beside the model for the page. */
    static void writeNgrams(TextModel model, List<Sentence> train, Path target) throws IOException {
        FilterNgrams.compute(model.net(), model.vocabulary(), train, FILTER_NGRAMS).write(FilterNgrams.file(target));
    }

    /** {@code evaluate text-...}: the shipped model on its held-out sentences; rewrites its filter n-grams. */
    static int evaluate(SentimentModel model, Path data, Path file) throws Exception {
        NativeThreads.useOneBlasThread();
        Split split = shippedSplit(model, data, DEFAULT_SEED, 10);
        TextModel m = TextModel.load(file);
        double a = TextTraining.accuracy(m.net(), m.vocabulary(), split.test());
        writeNgrams(m, split.train(), file);
        System.out.printf(Locale.ROOT, "model=%s%nngrams=%s%naccuracy=%.4f n=%d%n", file, FilterNgrams.file(file), a, split.test().size());
        return 0;
    }

    /**
     * SST-2 only: the sentences of MR (a folder in rt-polarity's layout, labelled by their review) that share no
     * {@value HeldOutOverlap#OVERLAP}-word run with an SST-2 dev or test sentence, as extra training examples. SST is a
     * re-annotation of MR's sentences; Kim had SST's phrase labels instead, which are not in ../shared/data/sst2.
     */
    static List<Sentence> extraMr(Path mr, Split split) throws IOException {
        return HeldOutOverlap.clearOf(SentimentData.mr(mr), split.heldOut());
    }

    static int run(SentimentModel model, Path data, List<Path> corpus, Path out, Integer epochs, long seed, Integer batch, int folds,
                   Path extraMr, Integer dimensions, Double learningRate) throws Exception {
        return run(model, data, corpus, out, epochs, seed, batch, folds, extraMr, dimensions, learningRate, KimCnn.Optimizer.ADAM, 1,
                KimCnn.Embeddings.NON_STATIC, 0, Word2VecOptions.DEFAULTS);
    }

    static int run(SentimentModel model, Path data, List<Path> corpus, Path out, Integer epochs, long seed, Integer batch, int folds,
                   Path extraMr, Integer dimensions, Double learningRate, KimCnn.Optimizer optimizer, int checksPerEpoch,
                   KimCnn.Embeddings embeddings, double embeddingDropout, Word2VecOptions w2v) throws Exception {
        NativeThreads.useOneBlasThread();
        boolean word2vec = model.embeddings() == SentimentModel.Embeddings.WORD2VEC, sst2 = model.dataset() == SentimentModel.Dataset.SST2;
        if (extraMr != null && !sst2) throw new IllegalArgumentException("--extra-mr is for the SST-2 models only (MR is the dataset itself)");
        if (checksPerEpoch != 1 && !sst2) throw new IllegalArgumentException("--checks-per-epoch is for the SST-2 models only (MR has no dev set)");
        if (!word2vec && (embeddings != KimCnn.Embeddings.NON_STATIC || !w2v.equals(Word2VecOptions.DEFAULTS))) {
            throw new IllegalArgumentException("--embeddings static and --w2v-* are for the word2vec models (text-mr-w2v, text-sst2-w2v)");
        }
        int e = epochs != null ? epochs : sst2 ? EPOCHS_SST2 : word2vec ? EPOCHS_WORD2VEC : EPOCHS_RANDOM;
        int d = dimensions != null ? dimensions : DIMENSIONS;
        // SST-2 keeps the epoch that did best on dev (Kim's early stopping); MR has no dev set, only the scored fold
        TextTraining.Settings settings = new TextTraining.Settings(e, batch != null ? batch : BATCH, seed,
                learningRate != null ? learningRate : 1e-3, d, sst2, optimizer, checksPerEpoch, embeddings, embeddingDropout);
        List<Path> corpusFolders = corpus != null && !corpus.isEmpty() ? corpus : defaultCorpus(data);
        List<Sentence> unlabelled = word2vec ? unlabelled(corpusFolders) : List.of();
        Path target = out != null ? out : Path.of("models", model.file());
        String command = "java -jar target/cnn-lab.jar train " + "text-" + model.id() + " --data " + data + " --epochs " + e + " --seed " + seed
                + " --batch " + settings.batch() + (folds != 10 ? " --folds " + folds : "") + (word2vec && corpus != null ? " --corpus " + String.join(",", corpus.stream().map(Path::toString).toList()) : "")
                + (extraMr != null ? " --extra-mr " + extraMr : "") + (dimensions != null ? " --dimensions " + d : "")
                + (learningRate != null ? " --learning-rate " + java.math.BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString() : "")
                + (optimizer != KimCnn.Optimizer.ADAM ? " --optimizer " + TrainCommand.OptionName.name(optimizer) : "")
                + (checksPerEpoch != 1 ? " --checks-per-epoch " + checksPerEpoch : "") + (embeddings != KimCnn.Embeddings.NON_STATIC ? " --embeddings " + TrainCommand.OptionName.name(embeddings) : "")
                + (embeddingDropout > 0 ? " --embedding-dropout " + java.math.BigDecimal.valueOf(embeddingDropout).toPlainString() : "")
                + w2v.arguments();
        long t0 = System.nanoTime();
        String evaluation;
        int trainSize, extraSize = 0;
        double keptEpoch = e;
        if (model.dataset() == SentimentModel.Dataset.MR) {
            List<Sentence> all = SentimentData.mr(data);
            int[] fold = SentimentData.folds(all.size(), folds, seed);
            double sum = 0, sumSq = 0;
            for (int f = 0; f < folds; f++) {
                Split split = mrFold(all, fold, f);
                TextModel m = fit(model, split, unlabelled, settings, w2v).model();
                double a = TextTraining.accuracy(m.net(), m.vocabulary(), split.test());
                sum += a;
                sumSq += a * a;
                System.out.printf(Locale.ROOT, "fold %d: accuracy %.4f on %d held-out sentences (%.0f s so far)%n", f, a, split.test().size(),
                        (System.nanoTime() - t0) / 1e9);
                if (f == 0) {   // the shipped model: all folds but one
                    m.save(target);
                    writeNgrams(m, split.train(), target);
                }
            }
            double mean = sum / folds, sd = Math.sqrt(Math.max(0, sumSq / folds - mean * mean));
            evaluation = String.format(Locale.ROOT, "%d-fold cross-validation (folds by seed %d): mean %.4f (sd %.4f) over %,d sentences; "
                    + "this file is fold 0's model, trained on the other %d folds", folds, seed, mean, sd, all.size(), folds - 1);
            trainSize = all.size() - all.size() / folds;
            System.out.printf(Locale.ROOT, "cv_sd=%.4f%naccuracy=%.4f n=%d folds=%d%n", sd, mean, all.size(), folds);
        } else {
            Split split = shippedSplit(model, data, seed, folds);
            if (extraMr != null) {
                List<Sentence> extra = extraMr(extraMr, split);
                List<Sentence> train = new ArrayList<>(split.train());
                train.addAll(extra);
                System.out.printf(Locale.ROOT, "extra training sentences: %,d of MR's %,d (the rest share %d words in a row with an SST-2 dev or test sentence)%n",
                        extra.size(), SentimentData.mr(extraMr).size(), HeldOutOverlap.OVERLAP);
                split = new Split(train, split.test(), split.dev());
                extraSize = extra.size();
            }
            Fitted r = fit(model, split, unlabelled, settings, w2v);
            TextModel m = r.model();
            double a = TextTraining.accuracy(m.net(), m.vocabulary(), split.test()), dev = TextTraining.accuracy(m.net(), m.vocabulary(), split.dev());
            m.save(target);
            writeNgrams(m, split.train(), target);
            evaluation = String.format(Locale.ROOT, "test %.4f on %,d sentences (dev %.4f on %,d)", a, split.test().size(), dev, split.dev().size());
            trainSize = split.train().size() - extraSize;
            keptEpoch = r.epoch();
            System.out.printf(Locale.ROOT, "accuracy=%.4f n=%d%n", a, split.test().size());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        TextModel shipped = TextModel.load(target);
        Files.writeString(ModelFiles.sibling(target, ".md"), ModelCard.text(model, settings, shipped.net().numParams(), shipped.vocabulary().size(),
                trainSize, word2vec ? corpusFolders : List.of(), evaluation, seconds, command, LocalDate.now(), extraSize, keptEpoch,
                w2v.settings(d, seed)));
        System.out.printf(Locale.ROOT, "saved %s in %.0f s%n", target, seconds);
        return 0;
    }
}
