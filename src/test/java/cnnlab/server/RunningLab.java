package cnnlab.server;

import cnnlab.gallery.TemporaryGallery;
import cnnlab.nn.ShippedModel;

/** One server on a free loopback port, shared by the tests of a JVM that need HTTP or a browser. */
public final class RunningLab {
    private static LabServer server;
    private static int port;

    private RunningLab() { }

    public static synchronized String url() throws Exception {
        if (server == null) {
            LabConfig config = new LabConfig("127.0.0.1", 0, ShippedModel.MODELS, TemporaryGallery.folder());   // not the working directory
            // tests call the API far faster than a person: no rate limit in the way (ApiRateLimitTest tests it)
            server = new LabServer(config, HouseRules.DEFAULT.withApiRate(1e6, 1_000_000));
            port = server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // JVM is exiting
                }
            }));
        }
        return "http://127.0.0.1:" + port + "/";
    }
}
