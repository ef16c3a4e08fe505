package cnnlab.admin;

import cnnlab.gallery.GalleryService;
import cnnlab.gallery.GalleryEntry;
import cnnlab.gallery.Saver;
import cnnlab.gallery.TestPictures;
import cnnlab.jobs.LongJobs;
import cnnlab.Lab;
import cnnlab.ui.UiQueue;
import cnnlab.ui.ViewTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin page, opened from the server machine (Karibu's request comes from loopback): the queue and Cancel, the gallery's savers and Remove all. */
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
    void theStudentWithTheMostPicturesIsListedAndRemoveAllTakesExactlyTheirs() {
        GalleryService gallery = Lab.current().gallery();
        Saver flooder = Saver.session(UUID.randomUUID().toString(), null), other = Saver.session(UUID.randomUUID().toString(), null);
        int perHour = gallery.quota().perHour();
        for (int i = 0; i < perHour; i++) gallery.save(TestPictures.submission("flood " + i, i), flooder);   // all one session may
        GalleryEntry kept = gallery.save(TestPictures.submission("kept", 99), other);
        int before = gallery.count();
        AdminView view = _get(AdminView.class);
        view.refresh();
        @SuppressWarnings("unchecked")
        Grid<GalleryService.SaverTotal> savers = _get(Grid.class, spec -> spec.withId("gallery-savers"));
        int row = rowOf(savers, Saver.describe(flooder.key()));
        assertTrue(row >= 0, "the student with the most pictures is listed");
        assertEquals(String.valueOf(perHour), _getFormatted(savers, row, "pictures"));
        assertTrue(_get(Paragraph.class, spec -> spec.withId("gallery-summary")).getText().startsWith(before + " of "));

        _click((Button) _getCellComponent(savers, row, "remove"));
        _click(_get(Button.class, spec -> spec.withId("gallery-remove-all-confirm")));
        UiQueue.await("the removal", 10, () -> {
            view.refresh();
            return gallery.picturesBy(flooder.key()) == 0 && rowOf(savers, Saver.describe(flooder.key())) < 0;
        });
        assertEquals(before - perHour, gallery.count(), "exactly theirs");
        assertTrue(gallery.entry(kept.id()).isPresent());
        assertTrue(gallery.image(kept.id()).isPresent());
    }

    private static int rowOf(Grid<GalleryService.SaverTotal> savers, String name) {
        for (int i = 0; i < _size(savers); i++) if (_getFormatted(savers, i, "saver").equals(name)) return i;
        return -1;
    }

    @Test
    void theStatesReadAsSentences() {
        assertEquals("5 s ago", AdminView.ago(java.time.Instant.now().minusSeconds(5)));
        assertEquals("2 min ago", AdminView.ago(java.time.Instant.now().minusSeconds(150)));
        assertTrue(AdminAccess.isLoopback("127.0.0.1") && AdminAccess.isLoopback("::1") && AdminAccess.isLoopback("0:0:0:0:0:0:0:1"));
        assertTrue(!AdminAccess.isLoopback("10.0.0.7") && !AdminAccess.isLoopback("localhost.evil.example") && !AdminAccess.isLoopback(""));
    }
}
