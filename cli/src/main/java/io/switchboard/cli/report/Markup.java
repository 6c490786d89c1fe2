package io.switchboard.cli.report;

/**
 * Writes XHTML (and the SVG inside it) as well-formed XML: every text and attribute value is escaped, characters XML
 * cannot hold are replaced by U+FFFD, and empty elements are self-closed, so that a browser reads the page as HTML
 * and an XML parser reads it too.
 */
final class Markup {

    private final StringBuilder out;

    Markup(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** A start tag; {@code attributes} are name, value pairs, a null value leaves the attribute out. */
    Markup open(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, self-closed. */
    Markup empty(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Markup element(String tag, String text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Markup text(String text) {
        escape(text, out);
        return this;
    }

    /** Markup written as is: for the fixed style sheet and script of the page, never for input. */
    Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    Markup newline() {
        out.append('\n');
        return this;
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(value.toString(), out);
                out.append('"');
            }
        }
    }

    /** Escapes for element text and double- or single-quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        escape(text, s);
        return s.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    /** The characters XML 1.0 allows, less lone surrogates. */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
