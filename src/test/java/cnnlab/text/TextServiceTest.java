package cnnlab.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every entry point checks before a sentence reaches a network, and what a reading holds. */
class TextServiceTest {
    private static TextService service() {
        Vocabulary v = Vocabulary.of(List.of(new Sentence(List.of("not", "good", "a", "great", "film"), 1)));
        return new TextService(Map.of(SentimentModel.MR, new TextModel(KimCnn.create(v.size(), 8, 1, 1e-3), v)));
    }

    @Test
    void emptyHugeAndWordlessTextGetASentenceNotAGuess() {
        TextService s = service();
        assertTrue(assertThrows(TextProblem.class, () -> s.read("", SentimentModel.MR)).getMessage().startsWith("Type a sentence"));
        assertThrows(TextProblem.class, () -> s.read("   \n\t", SentimentModel.MR));
        assertThrows(TextProblem.class, () -> s.read(null, SentimentModel.MR));
        String huge = "good ".repeat(20_000);
        assertTrue(assertThrows(TextProblem.class, () -> s.read(huge, SentimentModel.MR)).getMessage().contains("100,000 characters"));
        assertTrue(assertThrows(TextProblem.class, () -> s.read("😀 🎬 ...", SentimentModel.MR)).getMessage().startsWith("There are no words"));
        assertTrue(assertThrows(TextProblem.class, () -> s.read("good", SentimentModel.SST2)).getMessage().contains("not installed"));
        assertEquals(Tokenizer.MAX_CHARS, 2000);
        assertEquals(1, assertDoesNotThrow(() -> TextService.tokens("x".repeat(2000))).size(), "exactly the limit is fine");
    }

    @Test
    void htmlAndOtherScriptsAreReadAsWords() throws Exception {
        SentenceReading r = service().read("<b>not</b> good 好看 😀", SentimentModel.MR);
        assertEquals(List.of("b", "not", "b", "good", "好看"), r.tokens());
        assertEquals(List.of(false, true, false, true, false), r.known());
        assertEquals(TextService.TOP_FILTERS, r.top().size());
        assertTrue(r.positive() > 0 && r.positive() < 1);
    }
}
