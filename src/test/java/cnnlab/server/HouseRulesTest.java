package cnnlab.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HouseRulesTest {
    @Test
    void defaultsWhenNothingIsSet() {
        assertEquals(HouseRules.DEFAULT, HouseRules.from(Map.of()));
        assertEquals(Duration.ofMinutes(30), HouseRules.DEFAULT.idleTimeout());
    }

    @Test
    void readsTheEnvironment() {
        HouseRules r = HouseRules.from(Map.of("CNNLAB_IDLE_MINUTES", "5", "CNNLAB_HEARTBEAT_SECONDS", " 20 ",
                "CNNLAB_API_RATE", "4", "CNNLAB_BEHIND_PROXY", "true"));
        assertEquals(Duration.ofMinutes(5), r.idleTimeout());
        assertEquals(Duration.ofSeconds(20), r.heartbeat());
        assertEquals(4, r.apiPerSecond());
        assertEquals(12, r.apiBurst());
        assertTrue(r.behindProxy());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_IDLE_MINUTES", "soon")));
        assertTrue(e.getMessage().contains("CNNLAB_IDLE_MINUTES"));
        assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_API_RATE", "0")));
        assertThrows(IllegalArgumentException.class, () -> HouseRules.from(Map.of("CNNLAB_HEARTBEAT_SECONDS", "-3")));
    }
}
