package cnnlab.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabConfigTest {
    @Test
    void defaultsAreLocalhost8080AndModels() {
        LabConfig c = LabConfig.from(null, null, null, Map.of());
        assertEquals(new LabConfig("127.0.0.1", 8080, Path.of("models"), Path.of("gallery")), c);
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
        Map<String, String> env = Map.of("CNNLAB_PORT", "9000", "CNNLAB_HOST", "0.0.0.0", "CNNLAB_MODELS", "/srv/models",
                "CNNLAB_GALLERY", "/srv/gallery");
        assertEquals(new LabConfig("0.0.0.0", 9000, Path.of("/srv/models"), Path.of("/srv/gallery")), LabConfig.from(null, null, null, env));
        assertEquals(new LabConfig("::1", 7000, Path.of("m"), Path.of("g")), LabConfig.from("::1", 7000, Path.of("m"), Path.of("g"), env));
    }

    @Test
    void badPortsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> LabConfig.from(null, null, null, Map.of("CNNLAB_PORT", "http")));
        assertThrows(IllegalArgumentException.class, () -> LabConfig.from(null, 70000, null, Map.of()));
    }
}
