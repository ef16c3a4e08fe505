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
    @Parameters(index = "0", description = "Topic: digits, features, speech, style, go, text")
    String topic;

    @Option(names = "--models", description = "Models folder (env CNNLAB_MODELS, default ./models)")
    Path models;

    @Override
    public Integer call() throws Exception {
        Path folder = LabConfig.modelsFolder(models, System.getenv());
        NativeThreads.useOneBlasThread();   // as the server runs
        switch (topic) {
            case "digits" -> new DigitsBench(folder).run(System.out);
            case "features" -> new FeaturesBench(folder).run(System.out);
            case "speech" -> new SpeechBench(folder).run(System.out);
            case "go" -> new GoBench(folder).run(System.out);
            case "text" -> new TextBench(folder).run(System.out);
            case "style" -> new StyleBench(folder).run(System.out);
            default -> {
                System.err.println("unknown topic '" + topic + "' (available: digits, features, speech, style, go, text)");
                return 2;
            }
        }
        return 0;
    }
}
