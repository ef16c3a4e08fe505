package cnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sentences to tokens as in Kim (2014)'s preprocessing ({@code clean_str}): anything but letters, digits and
 * {@code ( ) , ! ? ' `} becomes a space; the clitics 's 've n't 're 'd 'll and the kept punctuation are split off as
 * tokens of their own; everything is lower-cased. One change: letters and digits of any script are kept (Kim kept
 * ASCII only), so "crème" stays one word and a CJK word becomes one unknown token rather than nothing.
 */
public final class Tokenizer {
    /** Longer input is refused before it is tokenised (the page and the API say so). */
    public static final int MAX_CHARS = 2000;

    private static final Pattern DROP = Pattern.compile("[^\\p{L}\\p{N}(),!?'`]+");
    private static final Pattern CLITIC = Pattern.compile("('s|'ve|n't|'re|'d|'ll)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("([(),!?])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Tokenizer() { }

    public static List<String> tokens(String text) {
        if (text == null) return List.of();
        String s = DROP.matcher(text).replaceAll(" ");
        s = CLITIC.matcher(s).replaceAll(" $1");
        s = PUNCTUATION.matcher(s).replaceAll(" $1 ");
        List<String> out = new ArrayList<>();
        for (String t : SPACES.split(s.toLowerCase(Locale.ROOT).strip())) if (!t.isEmpty()) out.add(t);
        return out;
    }
}
