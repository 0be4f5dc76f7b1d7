package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The history as CSV for auditors' own tools (UTF-8 with BOM): one line per event with its metadata,
 * integrity fields and the payload exactly as stored, so the hash chain can be recomputed from the file.
 *
 * <p>Written by jackson-dataformat-csv: the text fields (ids, unit, principal, payload) always quoted, quotes
 * inside them doubled; the fields the ledger makes itself (numbers, type, dates, hashes, seal) as they are; a
 * missing value empty; lines end with CRLF.
 */
final class HistoryCsv {

    private static final List<String> NAMES = List.of("sequence", "eventId", "transactionId", "type", "unit", "year",
            "aggregateId", "aggregateSequence", "effectiveDate", "recordedAt", "principal", "previousHash", "hash",
            "seal", "payload");
    private static final String LINE_END = "\r\n";
    /** The header line, unquoted; written even when there is no event (Jackson writes it with the first row only). */
    private static final String HEADER = String.join(",", NAMES) + LINE_END;
    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumns(NAMES, CsvSchema.ColumnType.STRING)
            .setLineSeparator(LINE_END)
            .build();
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private HistoryCsv() {
    }

    static String write(List<StoredEvent> events) {
        StringWriter text = new StringWriter().append(BYTE_ORDER_MARK).append(HEADER);
        try (CsvGenerator csv = CSV.createGenerator(text)) {
            csv.setSchema(COLUMNS);
            for (StoredEvent event : events) {
                csv.writeStartArray();
                csv.writeNumber(event.sequence());
                quoted(csv, event.eventId());
                quoted(csv, event.transactionId());
                unquoted(csv, event.type());
                quoted(csv, event.unit());
                unquoted(csv, event.year() == null ? null : event.year().toString());
                quoted(csv, event.aggregateId());
                csv.writeNumber(event.aggregateSequence());
                unquoted(csv, event.effectiveDate());
                unquoted(csv, event.recordedAt().toString());
                quoted(csv, event.principal());
                unquoted(csv, event.previousHash());
                unquoted(csv, event.hash());
                unquoted(csv, event.seal());
                quoted(csv, event.storedPayload());
                csv.writeEndArray();
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return text.toString();
    }

    /** A value the ledger makes itself, with no separator, quote or line break in it: written as it is. */
    private static void unquoted(CsvGenerator csv, String value) throws IOException {
        csv.writeRawValue(value == null ? "" : value);
    }

    /** A text field: quoted; missing, empty (a null in an array row would move the columns after it). */
    private static void quoted(CsvGenerator csv, String value) throws IOException {
        if (value == null) {
            csv.writeRawValue("");
        } else {
            csv.writeString(value);
        }
    }
}
