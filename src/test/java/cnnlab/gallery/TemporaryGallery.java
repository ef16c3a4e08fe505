package cnnlab.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The gallery folder of the lab that tests start in this JVM: a fresh temporary folder, removed at exit. */
public final class TemporaryGallery {
    private static Path folder;

    private TemporaryGallery() { }

    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("cnnlab-gallery-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path f = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(f)));
        }
        return folder;
    }

    static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
