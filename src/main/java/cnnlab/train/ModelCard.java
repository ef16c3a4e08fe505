package cnnlab.train;

import cnnlab.speech.SpeechNet;

import cnnlab.go.GoEvaluation;
import cnnlab.go.GoTraining;
import cnnlab.go.PolicyNet;

import java.time.LocalDate;
import java.util.Locale;

/** The model card written next to a trained model: what it is, how to reproduce it, how well it does. */
final class ModelCard {
    private ModelCard() { }

    static String mnist(MnistTraining.Settings s, long params, int trainSize, int testSize, double accuracy,
                        double seconds, String command, LocalDate date) {
        return String.format(Locale.ROOT, """
                # mnist-cnn: the lecture's digit CNN

                **Architecture** (Hung-yi Lee 2020, "what does a CNN learn"): 28x28x1 -> conv 25 filters 3x3 + ReLU
                -> max-pool 2x2 -> conv 50 filters 3x3 + ReLU (11x11 maps) -> max-pool 2x2 -> dense 100 + ReLU
                -> dense 10 + softmax. %,d parameters. DL4J %s, CPU.

                | | |
                |---|---|
                | data | MNIST, full training set (%,d images), original IDX files (../shared/data/mnist, CC BY-SA 3.0, LeCun & Cortes) |
                | command | `%s` |
                | seed | %d |
                | epochs | %d, mini-batch %d |
                | optimiser | Adam, learning rate %.0e halved every 3 epochs; steps by `nn/Backpropagation` (im2col + one matrix product per layer, the batch split between the cores; the same gradients as DL4J's fit) |
                | augmentation | random shifts of up to %d pixels (zero fill) |
                | input | pixels in 0..1, 0 = background, row-major 28x28 |
                | **test accuracy** | **%.4f** on the %,d-image MNIST test set (`evaluate mnist --data DIR`) |
                | training time | %.0f s on this machine (2 cores) |
                | trained | %s |

                The test set was only reported after each epoch, never used to choose a model: the last epoch ships.
                """, params, "1.0.0-M2.1", trainSize, command, s.seed(), s.epochs(), s.batchSize(), s.learningRate(),
                s.maxShift(), accuracy, testSize, seconds, date);
    }

    static String go(PolicyNet kind, GoTraining.Settings s, long params, int positions, int games, GoTraining.Accuracy accuracy,
                     int testGames, double seconds, String command, LocalDate date) {
        return String.format(Locale.ROOT, """
                # %s: Go move prediction, %s

                **Architecture** (Hung-yi Lee 2020, lecture section 4.1; AlphaGo's policy network, much smaller): 7 input
                planes 19x19 (own, opponent, empty, liberties 1 / 2 / 3+, ones) -> conv %d filters 5x5 -> %sconv %d 3x3 -> conv
                %d 3x3 %s-> conv 1x1 to one plane -> softmax over the 361 points; 'same' padding, ReLU. %,d parameters.

                | | |
                |---|---|
                | data | historical Japanese professional games (A. E. Brouwer's SGF collection, via ../shared/data/go-sgf; duplicates dropped), split by game: %,d games (%,d positions) train, %,d games held out (seed %d) |
                | augmentation | a random one of the 8 board symmetries per example |
                | command | `%s` |
                | seed | %d |
                | epochs | %d, mini-batch %d%s |
                | optimiser | Adam, learning rate %.0e |
                | **held-out accuracy** | **top-1 %.4f, top-5 %.4f** on %,d positions (`evaluate %s --data DIR`); predictions masked to legal moves |
                | training time | %.0f s on this machine (2 cores) |
                | trained | %s |
                """, kind.id(), kind.description(), PolicyNet.FILTERS, kind == PolicyNet.POOLED ? "max-pool 2x2 -> " : "",
                PolicyNet.FILTERS, PolicyNet.FILTERS, kind == PolicyNet.POOLED ? "-> upsample 2x -> crop to 19x19 " : "", params,
                games, positions, testGames, GoEvaluation.SPLIT_SEED, command, s.seed(), s.epochs(), s.batch(),
                s.positionsPerEpoch() > 0 ? String.format(Locale.ROOT, ", %,d positions per epoch", s.positionsPerEpoch()) : "",
                s.learningRate(), accuracy.top1(), accuracy.top5(), accuracy.n(), kind.id(), seconds, date);
    }

    static String speech(SpeechNet kind, SpeechTraining.Settings s, long params, int trainSize, int testSize, double accuracy,
                         double seconds, String command, LocalDate date) {
        return String.format(Locale.ROOT, """
                # %s: spoken digits, %s

                **Architecture** (Hung-yi Lee 2020, lecture section 4.2): 40-band log-mel spectrogram, 100 frames
                -> conv %d filters %dx%d + ReLU -> max-pool 2 along frequency -> conv %d filters %dx%d + ReLU -> max-pool 2
                -> LSTM %d over time -> max over time -> dense 10 + softmax. %,d parameters. DL4J %s, CPU.
                %s

                | | |
                |---|---|
                | data | Free Spoken Digit Dataset (Z. Jackson et al., CC BY-SA 4.0), 8 kHz mono, 6 speakers; official split: recordings 5-49 train (%,d clips), 0-4 test (%,d clips) |
                | audio in | any WAV, resampled to 8 kHz (windowed sinc), leading/trailing silence below -35 dB trimmed |
                | spectrogram | STFT, Hann window 256 samples (32 ms), hop 80 (10 ms), FFT 256 (JTransforms); 40 triangular mel bands 0-4 kHz; dB scaled from [max-80, max] to [0, 1] per clip |
                | input | 100 frames (1 s): the loudest second of a longer clip, a shorter one centred in silence |
                | command | `%s` |
                | seed | %d |
                | epochs | %d, mini-batch %d |
                | optimiser | Adam, learning rate %.0e halved every %d epochs |
                | augmentation | random shifts in time of up to %d frames |
                | **test accuracy** | **%.4f** on the %,d test clips (`evaluate %s --data DIR`) |
                | training time | %.0f s on this machine (2 cores) |
                | trained | %s |

                The test set was only reported after each epoch, never used to choose a model: the last epoch ships.
                """, kind.id(), kind.description(), SpeechNet.FILTERS1, SpeechNet.KERNEL, kind == SpeechNet.TWO_D ? 5 : 1,
                SpeechNet.FILTERS2, SpeechNet.KERNEL, 1, SpeechNet.LSTM_UNITS, params, "1.0.0-M2.1",
                kind == SpeechNet.FREQUENCY
                        ? "Every frame goes through the convolutions on its own: the filters slide along frequency only and share their weights over time."
                        : "The first layer's 5x5 filters span 5 frames too: a 2D convolution sliding along time and frequency (the lecture's counter-example); the second layer is 5x1 as in the frequency-only net.",
                trainSize, testSize, command, s.seed(), s.epochs(), s.batchSize(), s.learningRate(), s.halveEvery(), s.maxShift(), accuracy,
                testSize, kind.id(), seconds, date);
    }

    /** {@code evaluation}: how the figure was measured, e.g. "10-fold cross-validation, mean 0.7612 (sd 0.0123)". */
    static String text(cnnlab.text.SentimentModel model, cnnlab.text.TextTraining.Settings s, long params, int vocabulary, int trainSize,
                       java.util.List<java.nio.file.Path> corpus, String evaluation, double seconds, String command, LocalDate date,
                       int extraMr, double keptEpoch, cnnlab.text.WordVectors.Settings w2v) {
        String id = "text-" + model.id();
        boolean word2vec = model.embeddings() == cnnlab.text.SentimentModel.Embeddings.WORD2VEC;
        String dataset = model.dataset() == cnnlab.text.SentimentModel.Dataset.MR
                ? "MR, Pang & Lee 2005 (../shared/data/rt-polarity), 10,662 snippets"
                : "SST-2, Socher et al. 2013, Kim's sentence-level split (../shared/data/sst2)";
        String embeddings = word2vec ? String.format(Locale.ROOT, """
                initialised from word vectors this project trains itself (DL4J Word2Vec, skip-gram, window %d, %d passes, %s, seed
                %d) on the unlabelled sentences of %s, leaving out every held-out sentence and any sentence sharing %d words in a
                row with one (MR and SST-2 come from the same reviews); each vector rescaled to the average length of a
                U[-0.25, 0.25] row; words without a vector start U[-0.25, 0.25]; %s;
                Kim used vectors from 100 billion words of Google News)""", w2v.window(), w2v.epochs(),
                (w2v.negative() > 0 ? w2v.negative() + " negative samples" : "hierarchical softmax")
                        + (w2v.minCount() > 1 ? ", words seen at least " + w2v.minCount() + " times" : "")
                        + (w2v.sample() > 0 ? ", frequent words down-sampled at " + w2v.sample() : ""),
                s.seed(), String.join(" and ", corpus.stream().map(java.nio.file.Path::toString).toList()), cnnlab.text.WordVectors.OVERLAP,
                switch (s.embeddings()) {
                    case STATIC -> "all rows kept as initialised (CNN-static analogue";
                    case NON_STATIC -> "all rows fine-tuned (CNN-non-static analogue";
                })
                : "initialised U[-0.25, 0.25] and learned from scratch (CNN-rand)";
        return String.format(Locale.ROOT, """
                # %s: sentence polarity, Kim (2014)'s CNN, %s

                **Architecture** (Hung-yi Lee 2020, lecture section 4.3; Y. Kim, "Convolutional Neural Networks for Sentence
                Classification", EMNLP 2014): word embeddings (%d dimensions, %,d words + padding + unknown, %s) -> 1D
                convolutions of widths 3, 4 and 5 words, %d filters each, ReLU, each filter covering whole embeddings ->
                max-over-time pooling -> dropout 0.5 -> softmax over negative / positive (max-norm 3 on the output weights).
                %,d parameters. The vocabulary is `%s.vocab.txt` (row order); what each filter fires on in the training
                sentences, `%s.ngrams.tsv` (width, filter, response, n-gram; `evaluate` rewrites it).

                | | |
                |---|---|
                | data | %s; %,d training sentences%s; tokenised as Kim's `clean_str` (letters and digits of any script kept) |
                | command | `%s` |
                | seed | %d |
                | epochs | %s, mini-batch %d, %s%s |
                | **accuracy** | **%s** |
                | training time | %.0f s on this machine (2 cores, one BLAS thread)%s |
                | trained | %s |
                """, id, !word2vec ? "embeddings learned from scratch (CNN-rand)" : switch (s.embeddings()) {
                    case STATIC -> "word2vec-initialised embeddings, frozen (CNN-static analogue)";
                    case NON_STATIC -> "word2vec-initialised embeddings, fine-tuned (CNN-non-static analogue)";
                },
                s.dimensions(), vocabulary - 2, embeddings, cnnlab.text.KimCnn.FILTERS, params, id, id, dataset, trainSize,
                extraMr == 0 ? "" : String.format(Locale.ROOT, " + %,d MR sentences (../shared/data/rt-polarity, labelled by their review) that "
                        + "share no %d-word run with an SST-2 dev or test sentence (SST re-annotates MR's sentences; Kim used SST's phrase "
                        + "labels instead, which we do not have)", extraMr, cnnlab.text.HeldOutOverlap.OVERLAP),
                command, s.seed(), s.keepBest() ? String.format(Locale.ROOT, "%s kept of at most %d (the %s with the best dev accuracy, "
                        + "as Kim's early stopping)", cnnlab.text.TextTraining.epochs(keptEpoch), s.epochs(),
                        s.checksPerEpoch() > 1 ? "point, dev scored " + s.checksPerEpoch() + " times an epoch," : "epoch") : String.valueOf(s.epochs()),
                s.batch(), s.optimizer() == cnnlab.text.KimCnn.Optimizer.ADAM ? String.format(Locale.ROOT, "Adam %.0e", s.learningRate())
                        : "Adadelta (rho 0.95, epsilon 1e-6, as Kim)",
                s.embeddingDropout() > 0 ? String.format(Locale.ROOT, ", dropout %s on the embeddings", s.embeddingDropout()) : "",
                evaluation, seconds, word2vec ? ", word2vec included" : "", date);
    }
}
