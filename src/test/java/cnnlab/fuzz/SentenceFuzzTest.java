package cnnlab.fuzz;

import cnnlab.nn.ShippedModel;
import cnnlab.Lab;
import cnnlab.text.SentenceReading;
import cnnlab.text.SentimentModel;
import cnnlab.text.TextProblem;
import cnnlab.text.TextService;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sentences as a student could type or paste them, through the text service that the page and the API share
 * (checks, tokenizer, Kim's CNN): each is read, or refused with a {@link TextProblem} that says why.
 */
@Tag("fuzz")
class SentenceFuzzTest {
    @BeforeContainer
    static void start() {
        Lab.start(ShippedModel.MODELS);
    }

    @AfterProperty
    void aPlainSentenceStillReadsRight() throws Exception {
        TextService text = Lab.current().text();
        SentimentModel model = text.available().get(0);
        assertEquals("positive", text.read("a wonderful , moving and beautifully acted film", model).label());
    }

    @Property(tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everySentenceIsReadOrRefusedWithAReason(@ForAll("sentences") String sentence, @ForAll("models") SentimentModel model) throws Exception {
        String outcome = Deadline.call(() -> {
            try {
                SentenceReading r = Lab.current().text().read(sentence, model);
                assertTrue(r.positive() >= 0 && r.positive() <= 1, "a probability");
                assertTrue(!r.tokens().isEmpty() && r.tokens().size() == r.known().size());
                for (SentenceReading.Hit h : r.top()) assertTrue(r.ngram(h) != null);
                return "read";
            } catch (TextProblem p) {
                assertTrue(p.getMessage() != null && !p.getMessage().isBlank());
                return "refused: " + LabHttp.messageClass(p.getMessage());
            }
        }, LabHttp.shorten(sentence));
        Statistics.label("outcome").collect(outcome);
    }

    @Provide
    Arbitrary<SentimentModel> models() {
        return Arbitraries.of(Lab.current().text().available());
    }

    @Provide
    Arbitrary<String> sentences() {
        return Mutations.mix(
                Mutations.w(8, Mutations.nastyText(300)),
                Mutations.w(2, Mutations.nastyText(2100)),
                Mutations.w(2, Arbitraries.strings().all().ofMaxLength(200)),
                Mutations.w(1, Arbitraries.integers().between(1, 100_000).map(n -> "not bad ".repeat(n / 8 + 1).substring(0, n))),
                Mutations.w(1, Arbitraries.of("", " ", "\u0000", "\uD800", "\uDFFF\uD800", "\u202E\u202D", "😀😀😀", "<p>good</p>",
                        "<script>alert('bad')</script>", "'s 've n't 're 'd 'll", "((((((((((", "!!!", "a" + "\u0301".repeat(1999),
                        "x".repeat(2000), "x".repeat(2001), "good ".repeat(400), "\u3000\u3000", "\uFEFFgood", "İstanbul ß ﬁ")));
    }
}
