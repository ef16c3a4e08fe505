package cnnlab.sessions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the page watch counts a page as gone, from what its once-a-second samples saw. */
class PageWatchPagesTest {
    private final PageWatch.Pages pages = new PageWatch.Pages();
    private final Object page = new Object();

    @Test
    void aConnectedPageIsGoneThreeSecondsAfterItsConnectionDrops() {
        assertNull(pages.gone(page, true, 0));
        assertNull(pages.gone(page, false, 1_000));
        assertNull(pages.gone(page, false, 3_000));
        String why = pages.gone(page, false, 4_000);
        assertNotNull(why);
        assertTrue(why.contains("down for 3 s"), why);
    }

    @Test
    void aReconnectWithinTheGraceKeepsThePage() {
        pages.gone(page, true, 0);
        pages.gone(page, false, 1_000);
        assertNull(pages.gone(page, true, 2_000));   // a reload or a network blip
        assertNull(pages.gone(page, false, 3_000));
        assertNull(pages.gone(page, false, 5_000));
        assertNotNull(pages.gone(page, false, 6_000));
    }

    @Test
    void aPageNeverSeenConnectedIsGoneAfterTheConnectGrace() {
        // its browser was killed before the first sample saw its push connection
        long grace = PageWatch.CONNECT_GRACE.toMillis();
        assertNull(pages.gone(page, false, 500));
        assertNull(pages.gone(page, false, 500 + grace - 1_000));
        String why = pages.gone(page, false, 500 + grace);
        assertNotNull(why);
        assertTrue(why.contains("never opened"), why);
    }

    @Test
    void aSlowButLiveConnectionIsNotMistakenForADeadPage() {
        assertNull(pages.gone(page, false, 0));
        assertNull(pages.gone(page, false, 8_000));
        assertNull(pages.gone(page, true, 9_000));
        assertNull(pages.gone(page, true, 30_000));
    }

    @Test
    void closedPagesAreForgotten() {
        pages.gone(page, false, 0);
        pages.keepOnly(List.of());
        assertNull(pages.gone(page, false, PageWatch.CONNECT_GRACE.toMillis()), "counted afresh from its next sample");
    }
}
