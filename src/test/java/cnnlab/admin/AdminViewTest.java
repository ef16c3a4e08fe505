package cnnlab.admin;

import cnnlab.jobs.LongJobs;
import cnnlab.server.Lab;
import cnnlab.ui.ViewTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin page, opened from the server machine (Karibu's request comes from loopback): the queue and Cancel. */
class AdminViewTest extends ViewTest {
    AdminViewTest() {
        super(AdminView.class);
    }

    @Test
    void aRunningJobIsListedAndCancelStopsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        LongJobs.Ticket ticket = Lab.current().longJobs().start("test job", t -> {
            started.countDown();
            while (!t.cancelled()) Thread.sleep(5);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        AdminView view = _get(AdminView.class);
        view.refresh();
        @SuppressWarnings("unchecked")
        Grid<LongJobs.Ticket> jobs = _get(Grid.class, spec -> spec.withId("jobs"));
        int row = -1;
        for (int i = 0; i < _size(jobs); i++) if (_getFormatted(jobs, i, "job").equals("test job")) row = i;
        assertTrue(row >= 0, "the job is listed");
        assertTrue(_getFormatted(jobs, row, "state").startsWith("running since "), _getFormatted(jobs, row, "state"));
        assertTrue(_get(Paragraph.class, spec -> spec.withId("summary")).getText().contains("running"));
        var shown = jobs.getDataProvider();
        view.refresh();   // nothing changed: the rows (and their Cancel buttons) stay as they are
        assertTrue(shown == jobs.getDataProvider(), "the jobs grid was re-filled although nothing changed");
        _click((Button) _getCellComponent(jobs, row, "cancel"));
        ticket.done().get(10, TimeUnit.SECONDS);
        assertTrue(ticket.cancelled());
    }

    @Test
    void theStatesReadAsSentences() {
        assertEquals("5 s ago", AdminView.ago(java.time.Instant.now().minusSeconds(5)));
        assertEquals("2 min ago", AdminView.ago(java.time.Instant.now().minusSeconds(150)));
        assertTrue(AdminAccess.isLoopback("127.0.0.1") && AdminAccess.isLoopback("::1") && AdminAccess.isLoopback("0:0:0:0:0:0:0:1"));
        assertTrue(!AdminAccess.isLoopback("10.0.0.7") && !AdminAccess.isLoopback("localhost.evil.example") && !AdminAccess.isLoopback(""));
    }
}
