package cnnlab.speech;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The FSDD test-split subset shipped in src/test/resources/fsdd (recording 0 of every digit by every speaker). */
public final class ShippedClips {
    private ShippedClips() { }

    public static List<Path> all() throws IOException {
        try {
            Path dir = Path.of(ShippedClips.class.getResource("/fsdd/README.md").toURI()).getParent();
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    public static int digit(Path clip) {
        return clip.getFileName().toString().charAt(0) - '0';
    }
}
