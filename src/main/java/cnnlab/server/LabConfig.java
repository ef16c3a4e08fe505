package cnnlab.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server listens, where the models are and where the lab gallery is kept. Flags win over environment
 * variables (CNNLAB_PORT, CNNLAB_HOST, CNNLAB_MODELS, CNNLAB_GALLERY), which win over the defaults: localhost only,
 * port 8080, ./models, ./gallery. A lab that wants students to connect passes --host 0.0.0.0.
 */
public record LabConfig(String host, int port, Path models, Path gallery) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The gallery from CNNLAB_GALLERY or ./gallery (for callers that have no gallery flag). */
    public LabConfig(String host, int port, Path models) {
        this(host, port, models, galleryFolder(null, System.getenv()));
    }

    public static LabConfig from(String hostFlag, Integer portFlag, Path modelsFlag, Map<String, String> env) {
        return from(hostFlag, portFlag, modelsFlag, null, env);
    }

    public static LabConfig from(String hostFlag, Integer portFlag, Path modelsFlag, Path galleryFlag, Map<String, String> env) {
        String host = hostFlag != null ? hostFlag : env.getOrDefault("CNNLAB_HOST", DEFAULT_HOST);
        int port;
        if (portFlag != null) {
            port = portFlag;
        } else {
            String p = env.get("CNNLAB_PORT");
            try {
                port = p == null || p.isBlank() ? DEFAULT_PORT : Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CNNLAB_PORT is not a number: " + p);
            }
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        return new LabConfig(host, port, modelsFolder(modelsFlag, env), galleryFolder(galleryFlag, env));
    }

    /** The models folder: the flag, else CNNLAB_MODELS, else ./models. */
    public static Path modelsFolder(Path modelsFlag, Map<String, String> env) {
        return modelsFlag != null ? modelsFlag : Path.of(env.getOrDefault("CNNLAB_MODELS", "models"));
    }

    /** The gallery folder (database and pictures): the flag, else CNNLAB_GALLERY, else ./gallery. */
    public static Path galleryFolder(Path galleryFlag, Map<String, String> env) {
        if (galleryFlag != null) return galleryFlag;
        String g = env.get("CNNLAB_GALLERY");
        return Path.of(g == null || g.isBlank() ? "gallery" : g.trim());
    }
}
