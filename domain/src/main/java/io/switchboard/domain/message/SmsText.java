package io.switchboard.domain.message;

import io.switchboard.domain.Checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A message body as the SMS network sees it: its encoding, its length in that encoding's units, and how many
 * segments (billable parts) it needs. GSM-7 counts septets (extension-table characters take two); UCS-2 counts UTF-16
 * code units (a character outside the BMP takes two). A part boundary never splits an escape pair or a surrogate pair.
 */
public final class SmsText {

    /** Units in a message that fits one segment, and per part of a concatenated message (the rest is the UDH). */
    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    private final String text;
    private final SmsEncoding encoding;
    private final int units;
    private final int segments;
    private final int characters;
    private final List<String> ucs2Forcers;

    private SmsText(String text) {
        this.text = text;
        Set<String> forcers = new LinkedHashSet<>();
        int septets = 0;
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            count++;
            int cp = text.codePointAt(i);
            int cost = Gsm7.septets(cp);
            if (cost == 0) {
                forcers.add(new String(Character.toChars(cp)));
            } else {
                septets += cost;
            }
            i += Character.charCount(cp);
        }
        if (forcers.isEmpty()) {
            this.encoding = SmsEncoding.GSM7;
            this.units = septets;
        } else {
            this.encoding = SmsEncoding.UCS2;
            this.units = text.length();
        }
        this.characters = count;
        this.ucs2Forcers = List.copyOf(forcers);
        this.segments = units <= singleLimit() ? 1 : split(false).size();
    }

    /** Analyses {@code text}; an empty text is one empty segment. */
    public static SmsText of(String text) {
        return new SmsText(Checks.required(text, "text"));
    }

    public String text() {
        return text;
    }

    /** The text's length in Unicode code points (what vendors publishing a character limit count). */
    public int characters() {
        return characters;
    }

    public SmsEncoding encoding() {
        return encoding;
    }

    /** Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
    public int units() {
        return units;
    }

    /** How many segments the network bills for this text. */
    public int segmentCount() {
        return segments;
    }

    /** The characters that ruled out GSM-7, each once, in order of first appearance; empty for GSM-7 text. */
    public List<String> ucs2Forcers() {
        return ucs2Forcers;
    }

    /** The text as the parts it is sent in; joining them gives the text back. */
    public List<String> parts() {
        return units <= singleLimit() ? List.of(text) : split(true);
    }

    private int singleLimit() {
        return encoding == SmsEncoding.GSM7 ? GSM7_SINGLE : UCS2_SINGLE;
    }

    /** Packs whole characters into parts; with {@code keepText} false it only counts (the strings stay empty). */
    private List<String> split(boolean keepText) {
        int capacity = encoding == SmsEncoding.GSM7 ? GSM7_PART : UCS2_PART;
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int cost = encoding == SmsEncoding.GSM7 ? Gsm7.septets(cp) : width;
            if (used + cost > capacity) {
                parts.add(keepText ? text.substring(start, i) : "");
                start = i;
                used = 0;
            }
            used += cost;
            i += width;
        }
        parts.add(keepText ? text.substring(start) : "");
        return keepText ? Collections.unmodifiableList(parts) : parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmsText other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SmsText[" + encoding + ", " + units + " units, " + segments + " segment(s)]";
    }
}
