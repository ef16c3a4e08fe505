package cnnlab.speech;

import cnnlab.ui.ViewTest;
import cnnlab.ui.UiQueue;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The speech page without a browser: built-in clips, bad audio, what is shown. */
class SpeechViewTest extends ViewTest {
    SpeechViewTest() {
        super(SpeechView.class);
    }

    static void await(String what, BooleanSupplier condition) {
        UiQueue.await(what, 30, condition);
    }

    @Test
    void theBuiltInClipsAreReadAsTheirDigits() {
        SpeechView view = _get(SpeechView.class);
        assertEquals(SpeechView.PROMPT, view.statusText());
        assertFalse(view.spectrogram().isShowing());
        assertFalse(view.showsResults(), "before a clip: a note, not empty cards");
        for (int d : new int[]{3, 8}) {
            _click(_get(Button.class, spec -> spec.withId("clip-" + d)));
            await("clip " + d, () -> view.statusText().startsWith("Showing built-in clip " + d));
            assertEquals("\"" + d + "\"", view.verdictText());
            assertTrue(view.showsResults());
            assertTrue(view.spectrogram().isShowing());
            assertTrue(view.filterResponse().isShowing());
        }
    }

    @Test
    void unusableAudioGetsAMessage() {
        SpeechView view = _get(SpeechView.class);
        view.read("this is not audio".getBytes(), "notes.wav");
        await("the message", () -> view.statusText().startsWith("That audio could not be used"));
        assertTrue(view.statusText().contains("not a WAV file"), view.statusText());
        view.read(Wavs.wav(new float[8000], 8000, 16, 1, false), "silence.wav");
        await("the message", () -> view.statusText().contains("silent"));
    }

    @Test
    void aRefusedClipTakesThePreviousResultOffThePage() {
        // issue 21: the error showed, but the last clip's verdict and spectrogram stayed, as if the bad file was heard
        SpeechView view = _get(SpeechView.class);
        _click(_get(Button.class, spec -> spec.withId("clip-3")));
        await("clip 3", () -> view.statusText().startsWith("Showing built-in clip 3"));
        assertTrue(view.spectrogram().isShowing());
        view.read("this is not audio".getBytes(), "notes.wav");
        await("the message", () -> view.statusText().startsWith("That audio could not be used"));
        assertEquals("–", view.verdictText());
        assertFalse(view.spectrogram().isShowing(), "no spectrogram of the previous clip");
        assertFalse(view.filterResponse().isShowing(), "no filter response of the previous clip");
        assertFalse(view.showsResults());
    }
}
