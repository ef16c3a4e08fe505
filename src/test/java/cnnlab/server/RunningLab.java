package cnnlab.server;

import cnnlab.nn.ShippedModel;

/** One server on a free loopback port, shared by the tests of a JVM that need HTTP or a browser. */
public final class RunningLab {
    private static LabServer server;
    private static int port;

    private RunningLab() { }

    public static synchronized String url() throws Exception {
        if (server == null) {
            server = new LabServer(new LabConfig("127.0.0.1", 0, ShippedModel.MODELS));
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
