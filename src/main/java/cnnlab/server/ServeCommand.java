package cnnlab.server;

import cnnlab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve} (the default command): runs the web app on the shipped models. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the CNN Lab web app.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (env CNNLAB_PORT, default 8080)")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (env CNNLAB_HOST, default 127.0.0.1; 0.0.0.0 for a lab)")
    String host;

    @Option(names = "--models", description = "Models folder (env CNNLAB_MODELS, default ./models)")
    Path models;

    @Option(names = "--users", description = "Users file: turns the login on (env CNNLAB_USERS; add users with 'user add')")
    Path users;

    @Option(names = "--gallery", description = "Lab gallery folder: database and saved pictures (env CNNLAB_GALLERY, default ./gallery)")
    Path gallery;

    @Override
    public Integer call() throws Exception {
        System.setProperty("vaadin.productionMode", "true");
        LabConfig config;
        LabServer server;
        try {
            config = LabConfig.from(host, port, models, gallery, System.getenv());
            HouseRules rules = HouseRules.from(System.getenv());
            server = new LabServer(config, users != null ? rules.withUsers(users) : rules);
            server.start();
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("cannot start CNN Lab: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }, "shutdown"));
        System.out.printf("CNN Lab is running: open http://%s:%d/%n",
                "0.0.0.0".equals(config.host()) ? "localhost" : config.host(), server.port());
        server.join();
        return 0;
    }
}
