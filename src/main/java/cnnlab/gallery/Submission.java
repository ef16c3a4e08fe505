package cnnlab.gallery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A picture a student asks to save, cleaned on construction: the title is required, the name optional; both lose
 * control, line-break and text-direction characters (a title must not reorder or break the page's text around it),
 * runs of spaces become one, the ends are trimmed, and the result is measured in characters as a reader counts them.
 * The page shows them as text, never as HTML. Details are made by the server and are cut to length rather than refused.
 */
public record Submission(String title, String author, Kind kind, String details, String link, byte[] png) {
    public static final int MAX_TITLE = 80, MAX_AUTHOR = 40, MAX_DETAILS = 200, MAX_LINK = 600;
    /** A page route, optionally with the query that the page itself wrote (percent-encoded by Vaadin). */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_.,~%=&+:-]*");

    public Submission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(png, "png");
        title = clean(title);
        if (title.isEmpty()) throw new IllegalArgumentException("Give the picture a title");
        if (length(title) > MAX_TITLE) throw new IllegalArgumentException("The title is longer than " + MAX_TITLE + " characters");
        author = clean(author);
        if (length(author) > MAX_AUTHOR) throw new IllegalArgumentException("The name is longer than " + MAX_AUTHOR + " characters");
        details = clean(details);
        if (length(details) > MAX_DETAILS) details = details.substring(0, details.offsetByCodePoints(0, MAX_DETAILS - 1)) + "…";
        link = link == null || link.isBlank() ? kind.route() : link;
        if (!isLinkTo(kind, link)) throw new IllegalArgumentException("not a link to the " + kind.route() + " page: " + link);
    }

    /** Without control, format-direction and line-separator characters or lone surrogates; spaces collapsed, trimmed. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (!allowed(cp)) continue;
            if (space && b.length() > 0) b.append(' ');
            space = false;
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE) return false;
        // FORMAT holds the bidi overrides/isolates (U+202A-202E, U+2066-2069) and invisible marks; keep only the
        // zero-width joiner, which emoji sequences need
        return type != Character.FORMAT || cp == 0x200D;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isLinkTo(Kind kind, String link) {
        if (link.length() > MAX_LINK) return false;
        if (link.equals(kind.route())) return true;
        return link.startsWith(kind.route() + "?") && QUERY.matcher(link.substring(kind.route().length() + 1)).matches();
    }
}
