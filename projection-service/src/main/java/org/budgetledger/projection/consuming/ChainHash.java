package org.budgetledger.projection.consuming;

import java.nio.charset.StandardCharsets;

/**
 * The {@code hash} of an event's record value (SPEC §9): the last field the ledger writes ({@code EventRecords}:
 * envelope, the event's own fields, then {@code previousHash} and {@code hash}), found from the end of the value
 * without parsing it again. No field of an event is named {@code hash}, and a string's quotes inside a value are
 * escaped, so the last {@code "hash":"} of a value is the integrity field's.
 */
final class ChainHash {

    private static final byte[] FIELD = "\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** SHA-256 in lowercase hex. */
    private static final int LENGTH = 64;

    private ChainHash() {
    }

    /** The hash the value carries, or null when it carries none (a value written by no store, a fixture). */
    static String of(byte[] value) {
        for (int start = value.length - FIELD.length - LENGTH; start >= 0; start--) {
            if (matchesAt(value, start) && start + FIELD.length + LENGTH < value.length
                    && value[start + FIELD.length + LENGTH] == '"') {
                String hash = new String(value, start + FIELD.length, LENGTH, StandardCharsets.US_ASCII);
                return hash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f') ? hash : null;
            }
        }
        return null;
    }

    private static boolean matchesAt(byte[] value, int start) {
        for (int index = 0; index < FIELD.length; index++) {
            if (value[start + index] != FIELD[index]) {
                return false;
            }
        }
        return true;
    }
}
