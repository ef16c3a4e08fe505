package cnnlab.bench;

import cnnlab.nn.NativeThreads;
import cnnlab.server.LabConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench <topic>}: timings printed as name=value lines (medians; the machine is shared and noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed; prints name=value lines.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Topic: digits, features, train, speech, style, go, text; torch (digits, features and train beside ../shared/bench/peer_torch.py, with ratios); load (concurrent Vaadin sessions over HTTP/WebSocket)")
    String topic;

    @Option(names = "--models", description = "Models folder (env CNNLAB_MODELS, default ./models)")
    Path models;

    @Option(names = "--peer", description = "bench torch: the PyTorch peer script (default: ${DEFAULT-VALUE})", defaultValue = "../shared/bench/peer_torch.py")
    Path peer;

    @Option(names = "--rounds", description = "bench torch: alternating rounds (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int rounds;

    @Option(names = "--torch-threads", description = "bench torch: PyTorch threads (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int torchThreads;

    @Option(names = "--sessions", split = ",", description = "bench load: numbers of concurrent sessions (default: ${DEFAULT-VALUE})", defaultValue = "10,50,100")
    List<Integer> sessions;

    @Option(names = "--seconds", description = "bench load: seconds each round plays (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int seconds;

    @Option(names = "--draw-only", description = "bench load: students only draw, never start visualisations (to tell the readings' cost from the rest)")
    boolean drawOnly;

    @Option(names = "--url", description = "bench load: a running server to load (default: start one in a JVM of its own on a free port)")
    URI url;

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
            case "load" -> new LoadBench(folder, sessions, seconds, url, drawOnly).run(System.out);
            default -> {
                System.err.println("unknown topic '" + topic + "' (available: digits, features, train, speech, style, go, text, torch, load)");
                return 2;
            }
        }
        return 0;
    }
}
