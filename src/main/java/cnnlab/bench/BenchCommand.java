package cnnlab.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code bench <topic>}: timings printed as name=value lines (medians; the machine is shared and noisy). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed; prints name=value lines.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Topic: digits")
    String topic;

    @picocli.CommandLine.Option(names = "--models", description = "Models folder (default: $CNNLAB_MODELS or models)")
    java.nio.file.Path models;

    @Override
    public Integer call() throws Exception {
        java.nio.file.Path folder = models != null ? models
                : java.nio.file.Path.of(System.getenv().getOrDefault("CNNLAB_MODELS", "models"));
        if ("digits".equals(topic)) {
            new DigitsBench(folder).run(System.out);
            return 0;
        }
        System.err.println("unknown topic '" + topic + "' (available: digits)");
        return 2;
    }
}
