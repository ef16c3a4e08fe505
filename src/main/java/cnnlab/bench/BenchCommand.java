package cnnlab.bench;

import cnnlab.nn.NativeThreads;
import cnnlab.server.LabConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench <topic>}: timings printed as name=value lines (medians; the machine is shared and noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed; prints name=value lines.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Topic: digits, features, train, speech, style, go, text; torch (digits, features and train beside ../shared/bench/peer_torch.py, with ratios)")
    String topic;

    @Option(names = "--models", description = "Models folder (env CNNLAB_MODELS, default ./models)")
    Path models;

    @Option(names = "--peer", description = "bench torch: the PyTorch peer script (default: ${DEFAULT-VALUE})", defaultValue = "../shared/bench/peer_torch.py")
    Path peer;

    @Option(names = "--rounds", description = "bench torch: alternating rounds (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int rounds;

    @Option(names = "--torch-threads", description = "bench torch: PyTorch threads (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int torchThreads;

    @Override
    public Integer call() throws Exception {
        Path folder = LabConfig.modelsFolder(models, System.getenv());
        NativeThreads.useOneBlasThread();   // as the server and train mnist run
        switch (topic) {
            case "train" -> new TrainBench().run(System.out);
            case "torch" -> {
                return new TorchComparison(folder, peer, rounds, torchThreads).run(System.out);
            }
            case "digits" -> new DigitsBench(folder).run(System.out);
            case "features" -> new FeaturesBench(folder).run(System.out);
            case "speech" -> new SpeechBench(folder).run(System.out);
            case "go" -> new GoBench(folder).run(System.out);
            case "text" -> new TextBench(folder).run(System.out);
            case "style" -> new StyleBench(folder).run(System.out);
            default -> {
                System.err.println("unknown topic '" + topic + "' (available: digits, features, train, speech, style, go, text, torch)");
                return 2;
            }
        }
        return 0;
    }
}
