package cnnlab.train;

import cnnlab.imagenet.ImageFolder;
import cnnlab.imagenet.ImageNetClassifier;
import cnnlab.go.GoEvaluation;
import cnnlab.go.GoGames;
import cnnlab.go.GoPositions;
import cnnlab.go.GoTraining;
import cnnlab.go.PolicyNet;
import cnnlab.nn.ModelFiles;
import cnnlab.server.LabConfig;
import cnnlab.nn.NativeThreads;
import cnnlab.speech.SpeechNet;
import cnnlab.style.StyleComparison;
import cnnlab.style.StyleSettings;
import cnnlab.vision.FeatureNetworks;
import cnnlab.vision.Picture;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evaluate <model> --data DIR}: test-set accuracy of a shipped model; last line {@code accuracy=... n=...}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Measure a model's accuracy on its test set.")
public final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Model to evaluate: mnist, speech, speech-2d, go-unpooled, go-pooled (top-1/top-5 on held-out games); text-mr[-w2v] (fold 0), text-sst2[-w2v] (test); mobilenet (top-5 for every image in --data); "
            + "style (every feature network on tubingen.jpg + starry_night.jpg from --data, side by side)")
    String model;

    @Option(names = "--data", required = true, description = "Dataset folder (e.g. ../shared/data/mnist)")
    Path data;

    @Option(names = "--model-file", description = "Model file (default: the model's file in the models folder)")
    Path modelFile;

    @Option(names = "--models", description = "Models folder (default: $CNNLAB_MODELS or models)")
    Path models;

    @Option(names = "--out", description = "style: where to write the side-by-side figure (default: ${DEFAULT-VALUE})",
            defaultValue = "target/style-comparison.png")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path folder = LabConfig.modelsFolder(models, System.getenv());
        SpeechNet speech = SpeechNet.byId(model);
        if (speech != null) {
            Path file = modelFile != null ? modelFile : folder.resolve(speech.file());
            MultiLayerNetwork net = ModelFiles.load(file);
            FsddData test = FsddData.read(data, FsddData.Split.TEST);
            System.out.printf("model=%s%n", file);
            System.out.printf("accuracy=%.4f n=%d%n", SpeechTraining.accuracy(speech, net, test), test.size());
            return 0;
        }
        if ("mobilenet".equals(model)) {
            Path file = modelFile != null ? modelFile : folder.resolve(ImageNetClassifier.FILE);
            List<ImageFolder.Result> results = ImageFolder.classify(ImageNetClassifier.loadFile(file), data, 5);
            System.out.printf("model=%s%n", file);
            results.forEach(r -> System.out.println(r.line()));
            System.out.printf("images=%d%n", results.size());
            return 0;
        }
        if ("style".equals(model)) return compareStyles(folder);
        PolicyNet go = PolicyNet.byId(model);
        if (go != null) {
            Path file = modelFile != null ? modelFile : folder.resolve(go.file());
            NativeThreads.useOneBlasThread();
            GoGames[] split = GoGames.read(data).split(GoEvaluation.TEST_FRACTION, GoEvaluation.SPLIT_SEED);
            GoTraining.Accuracy a = GoTraining.accuracy(ModelFiles.load(file), GoPositions.of(split[1]), 0);
            System.out.printf("model=%s%nheld_out_games=%d%ntop5=%.4f%naccuracy=%.4f n=%d%n", file, split[1].size(), a.top5(), a.top1(), a.n());
            return 0;
        }
        cnnlab.text.SentimentModel text = cnnlab.text.SentimentModel.byCommandName(model);
        if (text != null) return TrainText.evaluate(text, data, modelFile != null ? modelFile : folder.resolve(text.file()));
        if (!"mnist".equals(model)) {
            System.err.println("unknown model '" + model + "' (available: mnist, speech, speech-2d, go-unpooled, go-pooled, text-mr, text-sst2, text-mr-w2v, text-sst2-w2v, mobilenet, style)");
            return 2;
        }
        Path file = modelFile != null ? modelFile : folder.resolve(ModelFiles.MNIST);
        MultiLayerNetwork net = ModelFiles.load(file);
        MnistData test = MnistData.read(data, "t10k");
        double accuracy = MnistEvaluation.accuracy(net, test);
        System.out.printf("model=%s%n", file);
        System.out.printf("accuracy=%.4f n=%d%n", accuracy, test.size());
        return 0;
    }

    /** Deep Style on every feature network with the default settings: the figure and the losses behind the default choice. */
    private int compareStyles(Path folder) throws Exception {
        NativeThreads.useOneBlasThread();
        FeatureNetworks networks = FeatureNetworks.load(folder, ModelFiles.load(folder.resolve(ModelFiles.MNIST)));
        Picture content = Picture.of(ImageIO.read(data.resolve("tubingen.jpg").toFile()), 3);
        Picture style = Picture.of(ImageIO.read(data.resolve("starry_night.jpg").toFile()), 3);
        StyleSettings settings = StyleSettings.defaults(networks.styleDefault().id());
        System.out.printf("settings=%s%n", settings);
        List<StyleComparison.Result> results = StyleComparison.run(networks.all(), content, style, settings);
        results.forEach(r -> System.out.println(r.line()));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ImageIO.write(StyleComparison.figure(content, style, results, settings.size()), "png", out.toFile());
        System.out.printf("figure=%s%nnetworks=%d%n", out, results.size());
        return 0;
    }
}
