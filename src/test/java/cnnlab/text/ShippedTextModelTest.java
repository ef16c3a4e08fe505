package cnnlab.text;

import cnnlab.nn.ShippedModel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sentence models: the SST-2 one on a shipped slice of its test set, and both on obvious sentences. */
class ShippedTextModelTest {
    @Test
    void theSst2ModelReadsTheShippedTestSlice() throws Exception {
        List<Sentence> slice;
        try (InputStream in = ShippedTextModelTest.class.getResourceAsStream("/sst2/stsa.binary.test.every4th")) {
            slice = SentimentData.labelled(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        assertEquals(456, slice.size());
        TextModel model = TextModel.load(ShippedModel.MODELS.resolve(SentimentModel.SST2.file()));
        double accuracy = TextTraining.accuracy(model.net(), model.vocabulary(), slice);
        // the model card reports the full test set; this slice is a quarter of it
        assertTrue(accuracy >= 0.76, "accuracy on the slice " + accuracy);
    }

    @Test
    void bothModelsGetObviousSentencesRight() throws Exception {
        TextService text = TextService.load(ShippedModel.MODELS);
        for (SentimentModel m : SentimentModel.values()) {
            assertTrue(text.has(m), m.id());
            assertEquals("positive", text.read("a gorgeous , witty and deeply moving film", m).label(), m.id());
            assertEquals("negative", text.read("a dull , lifeless and predictable mess", m).label(), m.id());
        }
    }
}
