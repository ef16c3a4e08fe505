package cnnlab.go;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltInGamesTest {
    @Test
    void everyShippedGameParsesAndReplaysByTheRules() throws Exception {
        var games = BuiltInGames.all();
        assertEquals(4, games.size());
        for (var g : games) {
            assertFalse(g.title().isBlank());
            assertTrue(g.record().moves().size() > 150, g.file());
            assertEquals(g.record().moves().size(), g.record().playableMoves(), g.file() + " replays to its end");
        }
    }

    @Test
    void cardFiguresAreReadFromTheCardsOwnLine() {
        var f = PolicyFacts.parse("| **held-out accuracy** | **top-1 0.3120, top-5 0.6010** on 48,762 positions (`evaluate`) |").orElseThrow();
        assertEquals(0.312, f.top1(), 1e-9);
        assertEquals(0.601, f.top5(), 1e-9);
        assertEquals(48_762, f.positions());
        assertTrue(PolicyFacts.parse("no figures here").isEmpty());
    }
}
