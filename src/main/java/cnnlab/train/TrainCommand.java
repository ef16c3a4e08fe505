package cnnlab.train;

import cnnlab.imagenet.ImageNetClassifier;
import cnnlab.imagenet.MobileNetConversion;
import cnnlab.go.GoEvaluation;
import cnnlab.go.GoGames;
import cnnlab.go.GoPositions;
import cnnlab.go.GoTraining;
import cnnlab.go.PolicyNet;
import cnnlab.nn.ModelFiles;
import cnnlab.nn.NativeThreads;
import cnnlab.speech.SpeechNet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code train <model> --data DIR}: trains a shipped model from a dataset folder and writes its model card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a dataset folder and write it (and its model card) to models/.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Model to train: mnist, speech, speech-2d, go-unpooled, go-pooled, text-mr, text-sst2, text-mr-w2v, text-sst2-w2v; mobilenet (converted from TFLite, not trained)")
    String model;

    @Option(names = "--data", required = true, description = "Dataset folder (e.g. ../shared/data/mnist)")
    Path data;

    @Option(names = "--out", description = "Output model file (default: models/<model file>)")
    Path out;

    @Option(names = "--epochs", description = "Epochs (default: 12 for mnist, 24 for speech)")
    Integer epochs;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--batch", description = "Mini-batch size (default: 64 for mnist, 32 for speech)")
    Integer batch;

    @Override
    public Integer call() throws Exception {
        SpeechNet speech = SpeechNet.byId(model);
        if (speech != null) return trainSpeech(speech);
        PolicyNet go = PolicyNet.byId(model);
        if (go != null) return trainGo(go);
        cnnlab.text.SentimentModel text = cnnlab.text.SentimentModel.byCommandName(model);
        if (text != null) return TrainText.run(text, data, corpus, out, epochs, seed, batch, folds, extraMr, dimensions, learningRate,
                optimizer, checksPerEpoch, embeddings, embeddingDropout, new TrainText.Word2VecOptions(w2vEpochs, w2vWindow, w2vMinCount, w2vNegative, w2vSample));
        if ("mobilenet".equals(model)) return MobileNetConversion.run(data, out != null ? out : Path.of("models", ImageNetClassifier.FILE), System.out);
        if (!"mnist".equals(model)) {
            System.err.println("unknown model '" + model + "' (available: mnist, speech, speech-2d, go-unpooled, go-pooled, text-mr, text-sst2, text-mr-w2v, text-sst2-w2v, mobilenet)");
            return 2;
        }
        int epochs = this.epochs != null ? this.epochs : 12, batch = this.batch != null ? this.batch : 64;
        NativeThreads.useOneBlasThread();   // the batch is split between the cores instead (Backpropagation)
        Path target = out != null ? out : Path.of("models", ModelFiles.MNIST);
        MnistData train = MnistData.read(data, "train");
        MnistData test = MnistData.read(data, "t10k");
        System.out.printf("training the lecture CNN on %d images, evaluating on %d%n", train.size(), test.size());
        MnistTraining.Settings settings = new MnistTraining.Settings(epochs, batch, seed, 1e-3, 2);
        long t0 = System.nanoTime();
        MultiLayerNetwork net = new MnistTraining(settings, System.out).train(train, test);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accuracy = MnistEvaluation.accuracy(net, test);
        ModelFiles.save(net, target);
        Path card = ModelFiles.sibling(target, ".md");
        Files.writeString(card, ModelCard.mnist(settings, net.numParams(), train.size(), test.size(), accuracy, seconds,
                "java -jar target/cnn-lab.jar train mnist --data " + data + " --epochs " + epochs + " --seed " + seed
                        + " --batch " + batch, LocalDate.now()));
        System.out.printf("saved %s and %s in %.0f s%n", target, card, seconds);
        System.out.printf("accuracy=%.4f n=%d%n", accuracy, test.size());
        return 0;
    }

    private int trainSpeech(SpeechNet kind) throws Exception {
        int epochs = this.epochs != null ? this.epochs : 24, batch = this.batch != null ? this.batch : 32;
        NativeThreads.useOneBlasThread();   // measured: an epoch took 48 s with 1 BLAS thread, 85 s with 2
        Path target = out != null ? out : Path.of("models", kind.file());
        FsddData train = FsddData.read(data, FsddData.Split.TRAIN);
        FsddData test = FsddData.read(data, FsddData.Split.TEST);
        System.out.printf("training %s (%s) on %d clips, evaluating on %d%n", kind.id(), kind.description(), train.size(), test.size());
        SpeechTraining.Settings settings = new SpeechTraining.Settings(epochs, batch, seed, 1e-3, 6, 8);
        long t0 = System.nanoTime();
        MultiLayerNetwork net = new SpeechTraining(kind, settings, System.out).train(train, test);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accuracy = SpeechTraining.accuracy(kind, net, test);
        ModelFiles.save(net, target);
        Path card = ModelFiles.sibling(target, ".md");
        Files.writeString(card, ModelCard.speech(kind, settings, net.numParams(), train.size(), test.size(), accuracy, seconds,
                "java -jar target/cnn-lab.jar train " + kind.id() + " --data " + data + " --epochs " + epochs + " --seed " + seed
                        + " --batch " + batch, LocalDate.now()));
        System.out.printf("saved %s and %s in %.0f s%n", target, card, seconds);
        System.out.printf("accuracy=%.4f n=%d%n", accuracy, test.size());
        return 0;
    }

    @Option(names = "--folds", description = "text-mr: cross-validation folds (default: ${DEFAULT-VALUE}, Kim's protocol)", defaultValue = "10")
    int folds;

    @Option(names = "--corpus", split = ",", description = "text-*-w2v: dataset folders whose sentences (labels unused) word2vec reads "
            + "(default: the --data folder and its siblings rt-polarity and sst2)")
    java.util.List<Path> corpus;

    @Option(names = "--extra-mr", description = "text-sst2*: also train on the sentences of this MR folder (rt-polarity) that share no "
            + "5-word run with an SST-2 dev or test sentence (labelled by their review; Kim used SST's phrase labels instead)")
    Path extraMr;

    @Option(names = "--dimensions", description = "text-*: word embedding size (default: 128; Kim: 300)")
    Integer dimensions;

    @Option(names = "--learning-rate", description = "text-*: Adam's learning rate (default: 1e-3)")
    Double learningRate;

    @Option(names = "--optimizer", description = "text-*: adam or adadelta (Kim's: rho 0.95, epsilon 1e-6, no learning rate) (default: adam)",
            converter = OptimizerName.class)
    cnnlab.text.KimCnn.Optimizer optimizer = cnnlab.text.KimCnn.Optimizer.ADAM;

    @Option(names = "--checks-per-epoch", description = "text-sst2*: score dev this many times an epoch, keeping the best point's weights (default: 1)")
    int checksPerEpoch = 1;

    @Option(names = "--embeddings", description = "text-*-w2v: non-static (fine-tuned) or static (frozen as word2vec made them), "
            + "Kim's CNN-non-static and CNN-static (default: non-static)", converter = EmbeddingsName.class)
    cnnlab.text.KimCnn.Embeddings embeddings = cnnlab.text.KimCnn.Embeddings.NON_STATIC;

    @Option(names = "--embedding-dropout", description = "text-*: dropout probability on the embeddings the convolutions read (default: 0)")
    double embeddingDropout;

    @Option(names = "--w2v-epochs", description = "text-*-w2v: word2vec's passes over the corpus (default: 5)")
    Integer w2vEpochs;

    @Option(names = "--w2v-window", description = "text-*-w2v: word2vec's context window, words each side (default: 5)")
    Integer w2vWindow;

    @Option(names = "--w2v-min-count", description = "text-*-w2v: words seen fewer times get no word2vec vector (default: 1)")
    Integer w2vMinCount;

    @Option(names = "--w2v-negative", description = "text-*-w2v: negative samples per context word; 0 = hierarchical softmax (default: 0)")
    Integer w2vNegative;

    @Option(names = "--w2v-sample", description = "text-*-w2v: down-sampling of frequent words, e.g. 1e-4; 0 = none (default: 0)")
    Double w2vSample;

    /** An enum option as written on the command line: lower case with dashes ("non-static"), read in any case. */
    abstract static class OptionName<E extends Enum<E>> implements picocli.CommandLine.ITypeConverter<E> {
        private final Class<E> type;
        private final String what;

        OptionName(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        static String name(Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) if (name(e).equalsIgnoreCase(value)) return e;
            String names = java.util.Arrays.stream(type.getEnumConstants()).map(OptionName::name).collect(java.util.stream.Collectors.joining(", "));
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not " + what + " (" + names + ")");
        }
    }

    static final class EmbeddingsName extends OptionName<cnnlab.text.KimCnn.Embeddings> {
        EmbeddingsName() {
            super(cnnlab.text.KimCnn.Embeddings.class, "an embeddings variant");
        }
    }

    static final class OptimizerName extends OptionName<cnnlab.text.KimCnn.Optimizer> {
        OptimizerName() {
            super(cnnlab.text.KimCnn.Optimizer.class, "an optimiser");
        }
    }

    @Option(names = "--positions", description = "go: training positions per epoch (default: all, ~500,000)")
    Integer positions;

    /** Both Go networks train with the same budget and seed: only pooling differs (lecture section 4.1). */
    private int trainGo(PolicyNet kind) throws Exception {
        int epochs = this.epochs != null ? this.epochs : 2, batch = this.batch != null ? this.batch : 64;
        NativeThreads.useOneBlasThread();
        Path target = out != null ? out : Path.of("models", kind.file());
        GoGames all = GoGames.read(data);
        GoGames[] split = all.split(GoEvaluation.TEST_FRACTION, GoEvaluation.SPLIT_SEED);
        GoPositions train = GoPositions.of(split[0]), test = GoPositions.of(split[1]);
        System.out.printf("training %s (%s) on %d positions of %d games (%d unreadable), evaluating on %d positions of %d held-out games%n",
                kind.id(), kind.description(), train.size(), split[0].size(), all.unreadable(), test.size(), split[1].size());
        GoTraining.Settings settings = new GoTraining.Settings(epochs, batch, seed, 1e-3, positions != null ? positions : 0);
        long t0 = System.nanoTime();
        MultiLayerNetwork net = new GoTraining(settings, System.out).train(kind, train, test);
        double seconds = (System.nanoTime() - t0) / 1e9;
        GoTraining.Accuracy accuracy = GoTraining.accuracy(net, test, 0);
        ModelFiles.save(net, target);
        Path card = ModelFiles.sibling(target, ".md");
        Files.writeString(card, ModelCard.go(kind, settings, net.numParams(), train.size(), split[0].size(), accuracy, split[1].size(),
                seconds, "java -jar target/cnn-lab.jar train " + kind.id() + " --data " + data + " --epochs " + epochs + " --seed " + seed
                        + " --batch " + batch + (positions != null ? " --positions " + positions : ""), LocalDate.now()));
        System.out.printf("saved %s and %s in %.0f s%n", target, card, seconds);
        System.out.printf("top5=%.4f%naccuracy=%.4f n=%d%n", accuracy.top5(), accuracy.top1(), accuracy.n());
        return 0;
    }

}
