package cnnlab.train;

import cnnlab.imagenet.ImageFolder;
import cnnlab.imagenet.ImageNetClassifier;
import cnnlab.nn.ModelFiles;
import cnnlab.server.LabConfig;
import cnnlab.speech.SpeechNet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evaluate <model> --data DIR}: test-set accuracy of a shipped model; last line {@code accuracy=... n=...}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Measure a model's accuracy on its test set.")
public final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Model to evaluate: mnist, speech, speech-2d; mobilenet (top-5 for every image in --data)")
    String model;

    @Option(names = "--data", required = true, description = "Dataset folder (e.g. ../shared/data/mnist)")
    Path data;

    @Option(names = "--model-file", description = "Model file (default: the model's file in the models folder)")
    Path modelFile;

    @Option(names = "--models", description = "Models folder (default: $CNNLAB_MODELS or models)")
    Path models;

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
        if (!"mnist".equals(model)) {
            System.err.println("unknown model '" + model + "' (available: mnist, speech, speech-2d, mobilenet)");
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
}
