package org.budgetledger.web;

import java.util.Optional;

/**
 * What text may name something (a transaction id, a reference to a line or payment, a voucher number, a token's
 * subject): exactly what the client sent, kept as sent. Nothing is trimmed or replaced on the way into storage, so
 * text that would change there, or that reads differently from what it is, is refused instead:
 * <ul>
 *   <li>an unpaired UTF-16 surrogate (a lone {@code \ud800} escape): UTF-8 cannot hold it, PostgreSQL would
 *       store {@code ?} in its place and two different ids would become one;</li>
 *   <li>control characters (C0, DEL, C1): line breaks in logs and CSV files, terminal escapes;</li>
 *   <li>bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they make
 *       text display in another order than it is stored ("Trojan Source");</li>
 *   <li>blank text, and spaces at either end: {@code "HX "} and {@code "HX"} look alike but are not.</li>
 * </ul>
 */
public final class Identifiers {

    /** The rule for free text (memos, names) that identifiers share: it must survive UTF-8. */
    public static final String UNPAIRED_SURROGATE = "must not contain an unpaired UTF-16 surrogate (a lone \\uD800–\\uDFFF)";

    private Identifiers() {
    }

    /** Why the text cannot name anything, or empty when it can. */
    public static Optional<String> rejection(String text) {
        if (text.codePoints().allMatch(Identifiers::isSpace)) {
            return Optional.of("must not be blank");
        }
        if (isSpace(text.codePointAt(0)) || isSpace(text.codePointBefore(text.length()))) {
            return Optional.of("must not begin or end with a space");
        }
        if (hasUnpairedSurrogate(text)) {
            return Optional.of(UNPAIRED_SURROGATE);
        }
        if (text.codePoints().anyMatch(Identifiers::isControl)) {
            return Optional.of("must not contain control characters");
        }
        if (text.codePoints().anyMatch(Identifiers::isBidirectionalFormatting)) {
            return Optional.of("must not contain bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069)");
        }
        return Optional.empty();
    }

    /** Whether a high surrogate lacks its low one, or a low one its high one. */
    public static boolean hasUnpairedSurrogate(CharSequence text) {
        for (int index = 0; index < text.length(); index++) {
            char unit = text.charAt(index);
            if (Character.isHighSurrogate(unit) && index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(unit)) {
                return true;
            }
        }
        return false;
    }

    /** C0, DEL and C1. */
    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    private static boolean isBidirectionalFormatting(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    /** Every kind of space, the no-break and ideographic ones included. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
