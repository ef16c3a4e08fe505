package cnnlab.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeNameTest {
    @Test
    void aSingleInstanceNeedsNoName() {
        assertNull(NodeName.from(Map.of()));
        assertNull(NodeName.from(Map.of("CNNLAB_NODE", "  ")));
    }

    @Test
    void lowerCaseLettersAndDigitsAreANameSpacesAroundAreDropped() {
        assertEquals("node1", NodeName.from(Map.of("CNNLAB_NODE", "node1")));
        assertEquals("b2", NodeName.from(Map.of("CNNLAB_NODE", " b2\n")));
        assertEquals("a234567890123456", NodeName.check("a234567890123456"));
    }

    @Test
    void anythingThatCouldBreakTheCookieOrTheNginxRegexIsRefusedWithTheRule() {
        for (String bad : new String[]{"Node1", "node.1", "node-1", "n;x", "a2345678901234567", "nöde"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeName.from(Map.of("CNNLAB_NODE", bad)), bad);
            assertTrue(e.getMessage().startsWith("CNNLAB_NODE must be 1 to 16 lower-case letters or digits"), e.getMessage());
        }
    }
}
