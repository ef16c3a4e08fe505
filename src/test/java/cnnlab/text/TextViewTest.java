package cnnlab.text;

import cnnlab.ui.ViewTest;
import cnnlab.ui.UiQueue;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text page without a browser: examples, typing, bad input, and the highlighted n-grams. */
class TextViewTest extends ViewTest {
    TextViewTest() {
        super(TextView.class);
    }

    private static TextView view() {
        return _get(TextView.class);
    }

    @Test
    void anExampleIsReadAndItsStrongestFiltersHighlightTheirNgrams() {
        TextView view = view();
        assertEquals(TextView.PROMPT, view.verdictText());
        _click(_get(Button.class, spec -> spec.withId("example-0")));
        UiQueue.await("a reading", 30, () -> view.shown() != null);
        SentenceReading r = view.shown();
        assertTrue(view.verdictText().startsWith(r.label() + " · "), view.verdictText());
        assertEquals(r.tokens().size() + 2 * KimCnn.PAD, view.matrix().rowsShown(), "one matrix row per padded word");
        assertEquals(r.top().get(0).start(), view.matrix().getElement().getProperty("windowStart", -1), "the strongest filter's window");
        assertEquals(KimCnn.FILTERS, view.matrix().getElement().getProperty("filters", 0), "the strongest filter's width: every filter's responses");
        assertEquals(r.top().get(0).filter(), view.matrix().getElement().getProperty("selected", -1));
        List<Component> rows = view.filters().getChildren().toList();
        assertEquals(TextService.TOP_FILTERS, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SentenceReading.Hit hit = r.top().get(i);
            String marked = String.join(" ", rows.get(i).getChildren().skip(1).findFirst().orElseThrow().getChildren()
                    .filter(w -> w.getElement().getClassList().stream().anyMatch(c -> c.startsWith("text-mark-")))
                    .map(w -> ((Span) w).getText()).toList());
            String expected = String.join(" ", r.tokens().subList(hit.firstToken(), hit.lastToken(r.tokens().size()) + 1));
            assertEquals(hit.firstToken() <= hit.lastToken(r.tokens().size()) ? expected : "", marked, "row " + i);
        }
    }

    @Test
    void aNegatedExampleComesWithTheLessonAndTheWindowsThatDecided() {
        // issue 21: "not a bad movie at all" was read negative at 97-99.8% with no remark
        TextView view = view();
        _click(_get(Button.class, spec -> spec.withId("example-" + TextView.EXAMPLES.indexOf("not a bad movie at all"))));
        UiQueue.await("a reading", 30, () -> view.shown() != null);
        SentenceReading r = view.shown();
        String note = view.negationText();
        assertTrue(note.contains("\u201cnot\u201d") && note.contains("max pooling"), note);
        SentenceReading.Hit strongest = r.top().stream().max(java.util.Comparator.comparingDouble(h -> Math.abs(h.contribution()))).orElseThrow();
        assertTrue(note.contains("\u201c" + r.ngram(strongest) + "\u201d"), "names the window that pushed hardest: " + note);

        _click(_get(Button.class, spec -> spec.withId("example-0")));   // no negation: no note
        UiQueue.await("the next reading", 30, () -> view.shown() != r && view.shown() != null);
        assertEquals("", view.negationText());
    }

    @Test
    void eachDatasetAndEmbeddingsChoiceReadsWithItsOwnModel() throws TextProblem {
        TextView view = view();
        assertEquals(SentimentModel.Embeddings.WORD2VEC, view.embeddings().getValue(), "pre-trained vectors first: the better models");
        String sentence = "the plot is thin but the actors are wonderful";
        view.input().setValue(sentence);
        for (SentimentModel m : SentimentModel.values()) {
            view.dataset().setValue(m.dataset());
            view.embeddings().setValue(m.embeddings());
            double expected = cnnlab.Lab.current().text().read(sentence, m).positive();
            UiQueue.await(m.id() + "'s reading", 30, () -> view.shown() != null && view.shown().positive() == expected);
            assertTrue(view.verdictText().endsWith(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * view.shown().confidence())));
        }
    }

    @Test
    void badInputGetsASentenceAndMarkupStaysText() {
        TextView view = view();
        view.input().setValue("   ");
        assertTrue(view.verdictText().startsWith("Type a sentence"));
        view.input().setValue("great ".repeat(500));
        assertTrue(view.verdictText().contains("3,000 characters"), view.verdictText());
        assertNull(view.shown());
        view.input().setValue("<script>alert('bad')</script> a <b>fine</b> film");
        UiQueue.await("a reading", 30, () -> view.shown() != null);
        assertTrue(view.shown().tokens().contains("script"));
        assertTrue(view.filters().getElement().getOuterHTML().contains("script"));
        assertTrue(!view.filters().getElement().getOuterHTML().contains("<script>"), "markup never reaches the page as markup");
    }
}
