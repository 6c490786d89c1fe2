package io.switchboard.domain;

/**
 * Puts text that came from a user, a file or a vendor into an error message safely: always one line, control
 * characters and terminal escapes shown as escapes ({@code \e}, {@code \n}, {@code \u0007}), so that a value can
 * neither break a log line in two nor recolour or rewrite the user's terminal.
 */
public final class ErrorText {

    /** The most characters of a value {@link #quote(String)} shows; a longer value is cut and its length given. */
    public static final int MAX_SHOWN = 64;

    private ErrorText() {
    }

    /**
     * The value in single quotes for an error line: {@code 'abc'}, {@code '\e[31mred'}, or for a long one its first
     * {@value #MAX_SHOWN} characters and its length ({@code 'aaaa...'...(10000 chars)}); {@code null} for null.
     */
    public static String quote(CharSequence value) {
        if (value == null) {
            return "null";
        }
        int length = value.length();
        if (length <= MAX_SHOWN) {
            return "'" + escape(value) + "'";
        }
        int cut = MAX_SHOWN;
        if (Character.isHighSurrogate(value.charAt(cut - 1)) && Character.isLowSurrogate(value.charAt(cut))) {
            cut--; // never split a pair: half of it would print as an escape that the value does not hold
        }
        return "'" + escape(value.subSequence(0, cut)) + "'...(" + length + " chars)";
    }

    /** One character of a value, quoted as {@link #quote(CharSequence)} does ({@code '\n'}, {@code 'x'}). */
    public static String quote(char c) {
        return quote(String.valueOf(c));
    }

    /**
     * The text with every character that could break or rewrite a line escaped, and nothing cut: for whole messages,
     * which may already hold quoted values.
     */
    public static String oneLine(CharSequence text) {
        return text == null ? "null" : escape(text);
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']*)'");

    /**
     * A message built by code that quotes values raw ({@code got 'x'}, as parsers and frameworks do): each quoted
     * value is quoted again as {@link #quote(CharSequence)} does (escaped, cut), and the whole made one line.
     */
    public static String requote(CharSequence message) {
        if (message == null) {
            return "null";
        }
        java.util.regex.Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(quote(quoted.group(1))));
        }
        quoted.appendTail(out);
        return oneLine(out);
    }

    private static String escape(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escapeOf(text, i, c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /** The escape for the character at {@code i}, or null when it prints as itself. */
    private static String escapeOf(CharSequence text, int i, char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\u001b':
                return "\\e";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)       // C0 and C1 controls, DEL; C1 holds NEL and the 8-bit CSI
                || c == '\u2028' || c == '\u2029'              // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') // bidi overrides
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\ufeff') {
            return unicode(c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : unicode(c);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : unicode(c);
        }
        return null;
    }

    private static String unicode(char c) {
        return String.format("\\u%04X", (int) c);
    }
}
