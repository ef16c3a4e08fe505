package cnnlab.go;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of SGF (Smart Game Format, FF[4]) game records for 19x19 Go, enough for professional game collections:
 * header properties, AB/AW setup, B/W moves (empty or "tt" = pass), escaped ']' in values, variations (the first one is
 * followed). Malformed input gets an {@link SgfProblem} naming the character position; size limits keep a hostile
 * upload cheap: the work is linear in the text, and setup stones are counted before a rectangle is expanded.
 * <p>
 * Setup stones land on one 19x19 board, applied in the order the record gives them (all before the first move): a
 * point named twice holds one stone, and where AB and AW both name a point the later property wins. That is FF[4]'s
 * rule for setup in a later node; within one node FF[4] calls it an error, which is read the same way rather than
 * refusing an old record over it.
 */
public final class Sgf {
    public static final int MAX_CHARS = 1_000_000, MAX_MOVES = 1_000;
    /** Variations nested deeper than this are refused: the reader recurses per level, and 1 MB of "(;" would overflow the stack. */
    public static final int MAX_DEPTH = 500;
    /**
     * Setup points a record may name, rectangles counted by their area: ten full boards' worth, far beyond any real
     * record (a handicap is 9, a problem's position under 361), and it keeps "AB[aa:ss]" x 142,000 (1 MB, issue 19:
     * 51 million points, 23-32 s and 1.45 GB when expanded) to a few thousand steps.
     */
    public static final int MAX_SETUP_POINTS = 10 * Board.POINTS;

    private final String text;
    private int pos;
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Stone[] setup = SetupStones.empty();
    private int setupPoints;
    private final List<Move> moves = new ArrayList<>();
    private int depth;

    private Sgf(String text) {
        this.text = text;
    }

    /** Reads an SGF file's bytes: UTF-8, or else Latin-1 (older records use a Japanese or Latin-1 code page; their moves are ASCII all the same). */
    public static SgfGame parse(byte[] file) throws SgfProblem {
        if (file.length > MAX_CHARS) throw new SgfProblem("The file is too long for one game record (over 1 MB).");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            text = new String(file, StandardCharsets.ISO_8859_1);
        }
        return parse(text);
    }

    public static SgfGame parse(String text) throws SgfProblem {
        if (text == null || text.isBlank()) throw new SgfProblem("The file is empty.");
        if (text.length() > MAX_CHARS) throw new SgfProblem("The file is too long for one game record (over 1 MB).");
        Sgf reader = new Sgf(text);
        reader.skipToStart();
        reader.tree(true);
        SetupStones setup = SetupStones.of(reader.setup);
        if (reader.moves.isEmpty() && setup.isEmpty()) throw new SgfProblem("The record has no moves.");
        return new SgfGame(Map.copyOf(reader.header), setup, List.copyOf(reader.moves));
    }

    private void skipToStart() throws SgfProblem {
        int start = text.indexOf("(;");
        if (start < 0) throw new SgfProblem("This is not an SGF game record (it should start with \"(;\").");
        pos = start;
    }

    /** ( node+ tree* ): follows the first child; later children (variations) are skipped. */
    private void tree(boolean mainLine) throws SgfProblem {
        expect('(');
        if (++depth > MAX_DEPTH) throw problem("variations are nested more than " + MAX_DEPTH + " deep");
        skipSpace();
        if (peek() != ';') throw problem("a game tree must start with a node ';'");
        while (peek() == ';') {
            pos++;
            node(mainLine);
            skipSpace();
        }
        boolean first = true;
        while (peek() == '(') {
            tree(mainLine && first);
            first = false;
            skipSpace();
        }
        expect(')');
        depth--;
    }

    private void node(boolean mainLine) throws SgfProblem {
        skipSpace();
        while (Character.isUpperCase(peek()) || Character.isLowerCase(peek())) {
            int start = pos;
            while (Character.isLetter(peek())) pos++;
            String id = text.substring(start, pos).replaceAll("[a-z]", "");   // old SGF: "AddBlack" style ids
            skipSpace();
            if (peek() != '[') throw problem("property " + id + " has no value");
            List<String> values = new ArrayList<>();
            while (peek() == '[') {
                values.add(value());
                skipSpace();
            }
            if (mainLine) property(id, values);
        }
    }

    private void property(String id, List<String> values) throws SgfProblem {
        switch (id) {
            case "B", "W" -> {
                if (moves.size() >= MAX_MOVES) throw problem("more than " + MAX_MOVES + " moves");
                Stone colour = id.equals("B") ? Stone.BLACK : Stone.WHITE;
                int[] p = point(values.get(0), true);
                moves.add(p == null ? Move.pass(colour) : Move.at(colour, p[0], p[1]));
            }
            case "AB", "AW" -> {
                for (String v : values) place(id.equals("AB") ? Stone.BLACK : Stone.WHITE, v);
            }
            case "SZ" -> {
                if (!values.get(0).strip().equals("19")) throw new SgfProblem("Only 19x19 games are supported (this one is " + values.get(0) + ").");
            }
            case "GM" -> {
                if (!values.get(0).strip().equals("1")) throw new SgfProblem("This SGF file is not a Go game (GM[" + values.get(0) + "]).");
            }
            default -> header.putIfAbsent(id, values.get(0).strip());
        }
    }

    /** Sets up {@code colour} on a point "pd" or a rectangle "pd:qe" (compressed point lists), counted before it is filled. */
    private void place(Stone colour, String v) throws SgfProblem {
        int colon = v.indexOf(':');
        int[] a = point(colon < 0 ? v : v.substring(0, colon), false), b = colon < 0 ? a : point(v.substring(colon + 1), false);
        setupPoints += (Math.abs(a[0] - b[0]) + 1) * (Math.abs(a[1] - b[1]) + 1);
        if (setupPoints > MAX_SETUP_POINTS) {
            throw new SgfProblem("The record sets up more than " + MAX_SETUP_POINTS + " stones (AB/AW), ten full boards' worth.");
        }
        for (int r = Math.min(a[0], b[0]); r <= Math.max(a[0], b[0]); r++) {
            for (int c = Math.min(a[1], b[1]); c <= Math.max(a[1], b[1]); c++) setup[r * Board.SIZE + c] = colour;
        }
    }

    /** "xy" (x = column, y = row, letters a-s) as {row, column}; null for a pass when allowed. */
    private int[] point(String v, boolean passAllowed) throws SgfProblem {
        String s = v.strip();
        if (passAllowed && (s.isEmpty() || s.equals("tt"))) return null;
        if (s.length() != 2) throw problem("'" + shorten(s) + "' is not a board point");
        int c = s.charAt(0) - 'a', r = s.charAt(1) - 'a';
        if (c < 0 || c >= Board.SIZE || r < 0 || r >= Board.SIZE) throw problem("'" + s + "' is off the 19x19 board");
        return new int[] {r, c};
    }

    private String value() throws SgfProblem {
        expect('[');
        StringBuilder v = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != ']') {
            char ch = text.charAt(pos++);
            if (ch == '\\' && pos < text.length()) ch = text.charAt(pos++);
            v.append(ch);
        }
        if (pos >= text.length()) throw problem("a value is not closed with ']' (is the file cut short?)");
        pos++;
        return v.toString();
    }

    private void expect(char c) throws SgfProblem {
        skipSpace();
        if (peek() != c) throw problem(pos >= text.length() ? "the file ends too early (is it cut short?)" : "expected '" + c + "'");
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private SgfProblem problem(String what) {
        return new SgfProblem("Not a valid SGF record at character " + pos + ": " + what + ".");
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
