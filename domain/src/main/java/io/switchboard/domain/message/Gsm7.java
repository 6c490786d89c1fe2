package io.switchboard.domain.message;

/** The GSM 03.38 default alphabet and its extension table, as septet costs. */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Sent as ESC followed by the character: two septets each. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final byte[] COST = new byte[0x10000];

    static {
        for (int i = 0; i < BASIC.length(); i++) {
            COST[BASIC.charAt(i)] = 1;
        }
        for (int i = 0; i < EXTENSION.length(); i++) {
            COST[EXTENSION.charAt(i)] = 2;
        }
    }

    private Gsm7() {
    }

    /** Septets the code point takes in GSM-7, or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        return codePoint < COST.length ? COST[codePoint] : 0;
    }
}
