package org.budgetledger.ledger.posting;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * What the idempotency record of a transaction holds. It travels with the command as metadata so that
 * {@link IdempotencyRecording} can write it inside the command's own database transaction.
 */
record PostingRecord(String id, String type, String unit, int year, String fingerprint, String canonicalRequest,
                     String lineId, String principal) {

    private static final String KEY = "posting.";

    MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(KEY + "id", id);
        values.put(KEY + "type", type);
        values.put(KEY + "unit", unit);
        values.put(KEY + "year", year);
        values.put(KEY + "fingerprint", fingerprint);
        values.put(KEY + "request", canonicalRequest);
        values.put(KEY + "lineId", lineId);
        values.put(KEY + "principal", principal);
        return MetaData.from(values);
    }

    static boolean presentIn(MetaData metaData) {
        return metaData.containsKey(KEY + "id");
    }

    static PostingRecord from(MetaData metaData) {
        return new PostingRecord((String) metaData.get(KEY + "id"), (String) metaData.get(KEY + "type"),
                (String) metaData.get(KEY + "unit"), ((Number) metaData.get(KEY + "year")).intValue(),
                (String) metaData.get(KEY + "fingerprint"), (String) metaData.get(KEY + "request"),
                (String) metaData.get(KEY + "lineId"), (String) metaData.get(KEY + "principal"));
    }
}
