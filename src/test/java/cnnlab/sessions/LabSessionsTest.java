package cnnlab.sessions;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabSessionsTest {
    @BeforeEach
    void openSession() {
        MockVaadin.setup();
    }

    @AfterEach
    void closeSession() {
        MockVaadin.tearDown();
    }

    /** The job pool names the owner of every submission; an upload's stream runs with the session current but unlocked. */
    @Test
    void workIsOwnedByItsSessionAlsoOnAThreadWithoutTheSessionsLock() {
        VaadinSession session = VaadinSession.getCurrent();
        String owner = LabSessions.currentOwner();
        assertTrue(owner.startsWith("session "), owner);
        session.getLockInstance().unlock();
        try {
            assertFalse(session.hasLock());
            assertEquals(owner, LabSessions.currentOwner());
        } finally {
            session.getLockInstance().lock();
        }
    }
}
