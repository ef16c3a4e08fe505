package cnnlab.text;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures the text page quotes come from the model cards. */
class HeldOutAccuracyTest {
    @Test
    void parsesBothKindsOfCard() {
        HeldOutAccuracy cv = HeldOutAccuracy.parse("| **accuracy** | **10-fold cross-validation (folds by seed 42): mean 0.7660 (sd 0.0106) over 10,662 sentences** |").orElseThrow();
        assertEquals(0.766, cv.accuracy(), 1e-9);
        assertEquals("76.6% right in 10-fold cross-validation", cv.toString());
        HeldOutAccuracy test = HeldOutAccuracy.parse("| **accuracy** | **test 0.8067 on 1,821 sentences (dev 0.8005 on 872)** |").orElseThrow();
        assertEquals("80.7% right in the test set, 1,821 sentences", test.toString());
        assertTrue(HeldOutAccuracy.parse("# a card without figures").isEmpty());
    }

    @Test
    void everyShippedCardSaysItsAccuracy() {
        TextService text = TextService.load(ShippedModel.MODELS);
        for (SentimentModel m : SentimentModel.values()) {
            double a = text.accuracy(m).orElseThrow(() -> new AssertionError(m.file())).accuracy();
            assertTrue(a > 0.7 && a < 1, m.id() + ": " + a);
        }
    }
}
