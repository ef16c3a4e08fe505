package cnnlab.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {
    @Test
    void splitsLikeKimsPreprocessing() {
        assertEquals(List.of("it", "'s", "not", "good", ",", "is", "n't", "it", "?"), Tokenizer.tokens("It's NOT good, isn't it?"));
        assertEquals(List.of("we", "'ve", "seen", "they", "'re", "you", "'d", "i", "'ll"), Tokenizer.tokens("We've seen they're you'd I'll"));
        assertEquals(List.of("wo", "n't", "work", "!", "!"), Tokenizer.tokens("Won't work!!"));
        assertEquals(List.of("co", "writer", "director", "(", "peter", "jackson", ")"), Tokenizer.tokens("co-writer/director (Peter Jackson)."));
    }

    @Test
    void keepsLettersOfAnyScriptAndDropsTheRest() {
        assertEquals(List.of("crème", "brûlée"), Tokenizer.tokens("crème brûlée"));
        assertEquals(List.of("好看"), Tokenizer.tokens("好看 😀"));
        assertEquals(List.of("script", "alert", "(", "1", ")", "script"), Tokenizer.tokens("<script>alert(1)</script>"));
        assertEquals(List.of(), Tokenizer.tokens("  ...  "));
        assertEquals(List.of(), Tokenizer.tokens(null));
    }

    @Test
    void treebankTokensComeOutAsTheyWent() {
        // SST-2 is already tokenised: "wo n't", "'s" as separate tokens
        assertEquals(List.of("moore", "'s", "film", "wo", "n't", "work"), Tokenizer.tokens("moore 's film wo n't work"));
    }
}
