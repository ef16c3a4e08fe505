package cnnlab.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Generators shared by the fuzz properties: damaged copies of valid inputs, odd text, deep nesting. */
final class Mutations {
    private Mutations() { }

    /** 1 to 4 random edits of {@code seed}: cut, flip a byte, insert junk, delete a run, duplicate a run, overwrite an int. */
    static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b = Arrays.copyOf(b, at);
                case 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 2 -> {
                    byte[] junk = new byte[1 + r.nextInt(16)];
                    r.nextBytes(junk);
                    b = splice(b, at, at, junk);
                }
                case 3 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(64)), new byte[0]);
                case 4 -> b = splice(b, at, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r.nextInt(64))));
                default -> {
                    if (at + 4 <= b.length) {
                        int v = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0xffff, r.nextInt()).get(r.nextInt(8));
                        b[at] = (byte) v;
                        b[at + 1] = (byte) (v >> 8);
                        b[at + 2] = (byte) (v >> 16);
                        b[at + 3] = (byte) (v >> 24);
                    }
                }
            }
        }
        return b;
    }

    static String mutate(String seed, Random r) {
        return new String(mutate(seed.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8);
    }

    static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    static <T> Tuple.Tuple2<Integer, Arbitrary<T>> w(int weight, Arbitrary<T> a) {
        return Tuple.of(weight, a);
    }

    /** One of {@code choices}, each picked in proportion to its weight. */
    @SafeVarargs
    static <T> Arbitrary<T> mix(Tuple.Tuple2<Integer, Arbitrary<T>>... choices) {
        return Arbitraries.frequencyOf(Arrays.asList(choices));
    }

    static Arbitrary<byte[]> randomBytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    /**
     * Text that breaks naive code: lone and paired surrogates, controls, NUL, bidi overrides and RTL script, emoji with
     * joiners, combining marks, HTML and script tags, quotes and backslashes, zero-width characters, plain words.
     */
    static Arbitrary<String> nastyText(int maxLength) {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uDC00\uD800", "\u0000", "\u0007", "\u001b[31m", "\r\n", "\t",
                        "\u202E", "\u202D", "\u200F", "\u200B", "\uFEFF", "\uFFFE", "\uFFFF", "שלום", "مرحبا", "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈",
                        "e\u0301\u0301\u0301", "Z\u0351\u0362\u0337", "<script>alert(1)</script>", "<b>", "&amp;", "&#0;", "\"", "\\",
                        "'", "`", "n't", "'s", "(", ")", "!", "?", ",", "${x}", "%s%n", "null", "NaN", " ", "\u3000", "漢字", "ﬁ",
                        "good", "bad", "not", "movie", "the", "great", "awful", "1e999", "İ", "ß"),
                Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u0590', '\u08ff').ofMaxLength(6),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(3),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(3));
        return pieces.list().ofMaxSize(Math.max(1, maxLength / 4)).map(l -> {
            String s = String.join("", l);
            return s.length() > maxLength ? s.substring(0, maxLength) : s;
        });
    }

    /** JSON text of {@code s} with every non-ASCII character escaped, so lone surrogates reach the server as they are. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** {@code depth} nested arrays or objects around {@code core}, optionally left unclosed. */
    static String nested(int depth, boolean objects, String core, boolean closed) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) b.append(objects ? "{\"pixels\":" : "[");
        b.append(core);
        if (closed) for (int i = 0; i < depth; i++) b.append(objects ? "}" : "]");
        return b.toString();
    }
}
