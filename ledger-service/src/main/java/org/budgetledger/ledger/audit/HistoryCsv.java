package org.budgetledger.ledger.audit;

import java.util.List;

/**
 * The history as CSV for auditors' own tools (UTF-8 with BOM): one line per event with its metadata,
 * integrity fields and the payload exactly as stored, so the hash chain can be recomputed from the file.
 */
final class HistoryCsv {

    private HistoryCsv() {
    }

    static String write(List<StoredEvent> events) {
        StringBuilder csv = new StringBuilder("\uFEFFsequence,eventId,transactionId,type,unit,year,aggregateId,aggregateSequence,"
                + "effectiveDate,recordedAt,principal,previousHash,hash,seal,payload\r\n");
        for (StoredEvent event : events) {
            csv.append(String.join(",", List.of(Long.toString(event.sequence()), quote(event.eventId()),
                    quote(event.transactionId()), event.type(), quote(event.unit()), Integer.toString(event.year()),
                    quote(event.aggregateId()), Long.toString(event.aggregateSequence()), nullToEmpty(event.effectiveDate()),
                    event.recordedAt().toString(), quote(event.principal()), nullToEmpty(event.previousHash()),
                    nullToEmpty(event.hash()), nullToEmpty(event.seal()), quote(event.storedPayload())))).append("\r\n");
        }
        return csv.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String quote(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }
}
