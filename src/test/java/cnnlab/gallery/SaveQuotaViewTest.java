package cnnlab.gallery;

import cnnlab.Lab;
import cnnlab.sessions.LabSessions;
import cnnlab.sessions.PageWatch;
import cnnlab.ui.UiQueue;
import cnnlab.ui.ViewTest;
import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack of issue 19 (finding 9) through the save dialog: one browser session saving picture after picture (the
 * probe saved 30 in 55 s) is stopped at the lab's quota with a sentence saying so, and another student still saves.
 */
class SaveQuotaViewTest extends ViewTest {
    private static final int ATTEMPTS = 30;

    SaveQuotaViewTest() {
        super(GalleryView.class);
    }

    @Test
    void oneSessionSavingPictureAfterPictureIsStoppedAndAnotherStillSaves() {
        GalleryService gallery = Lab.current().gallery();
        int before = gallery.count(), saved = 0;
        String refusal = "";
        for (int i = 0; i < ATTEMPTS && refusal.isEmpty(); i++) {
            refusal = trySave("attack " + i, i);
            if (refusal.isEmpty()) saved++;
        }
        int perHour = gallery.quota().perHour();
        assertEquals(perHour, saved, "one session saved " + saved + " of " + ATTEMPTS + " pictures");
        assertEquals("You have saved " + perHour + " pictures this hour: the lab's limit is " + perHour + " an hour for each "
                + "student. You can save again in 60 minutes.", refusal);
        assertEquals(before + saved, gallery.count());
        Saver attacker = SaveDialog.saver(VaadinSession.getCurrent(), VaadinRequest.getCurrent());
        assertTrue(LabSessions.nameOf(VaadinSession.getCurrent()).endsWith(Saver.describe(attacker.key())),
                "the admin's pages name the saver as the admin page names the session");

        openInNewSession();
        assertEquals("", trySave("another student's dream", 99), "another student can still save");
        assertEquals(before + saved + 1, gallery.count());
    }

    @Test
    void withTheLoginOnAUserIsCountedOverAllTheirSessions() {
        VaadinSession.getCurrent().setAttribute(PageWatch.USER_ATTRIBUTE, "quota-ann");
        int perHour = Lab.current().gallery().quota().perHour();
        for (int i = 0; i < perHour; i++) assertEquals("", trySave("ann " + i, i));
        openInNewSession();   // a second browser, or a new session after logging in again
        VaadinSession.getCurrent().setAttribute(PageWatch.USER_ATTRIBUTE, "quota-ann");
        assertTrue(trySave("ann again", 50).startsWith("You have saved " + perHour + " pictures this hour"));
        openInNewSession();
        VaadinSession.getCurrent().setAttribute(PageWatch.USER_ATTRIBUTE, "quota-ben");
        assertEquals("", trySave("ben", 51));
    }

    @Test
    void withTheLoginOffNewSessionsFromOneAddressMeetTheAddressLimit() {
        String server = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("198.51.100.7");   // a student's machine, not the server's
        try {
            int perAddress = Lab.current().gallery().quota().perAddressHour(), saved = 0;
            String refusal = "";
            for (int session = 0; session < perAddress + 5 && refusal.isEmpty(); session++) {
                openInNewSession();   // what a script gets from each GET /
                refusal = trySave("script " + session, session);
                if (refusal.isEmpty()) saved++;
            }
            assertEquals(perAddress, saved);
            assertTrue(refusal.startsWith(perAddress + " pictures were saved from your computer's network address this hour"), refusal);
            FakeHttpEnvironment.INSTANCE.setRemoteAddr("198.51.100.8");
            openInNewSession();
            assertEquals("", trySave("the next machine", 99), "a student at another machine still saves");
        } finally {
            FakeHttpEnvironment.INSTANCE.setRemoteAddr(server);
        }
    }

    /** Save to gallery with a title, as a student does: "" once the gallery acknowledged it, else what the dialog says. */
    static String trySave(String title, long seed) {
        SaveToGallery button = new SaveToGallery(() -> Optional.of(
                new SaveToGallery.Snapshot(Kind.DREAM, "seed " + seed, "dream", () -> TestPictures.png(seed))));
        button.setEnabled(true);
        UI.getCurrent().add(button);
        _click(button);
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, spec -> spec.withId("gallery-title")), title);
        _click(_get(dialog, Button.class, spec -> spec.withId("gallery-save")));
        UiQueue.await("the gallery's answer", 30, () -> !dialog.isOpened() || !problems(dialog).isEmpty());
        UI.getCurrent().remove(button);
        if (!dialog.isOpened()) return "";
        String problem = problems(dialog).get(0).getText();
        dialog.close();
        return problem;
    }

    private static List<Paragraph> problems(Dialog dialog) {
        return _find(dialog, Paragraph.class, spec -> spec.withId("gallery-problem"));   // only a visible one
    }
}
