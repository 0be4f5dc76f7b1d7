package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads CSV text (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes)
 * into a {@link Sheet}. Cells are kept exactly as written: nothing is trimmed.
 */
final class CsvSheet {

    private static final ObjectReader RECORDS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerForArrayOf(String.class);

    private CsvSheet() {
    }

    static Sheet read(String text) {
        Sheet.Collector collector = new Sheet.Collector();
        // a record is a row of the sheet, even when a quoted field spans lines, as a spreadsheet shows it
        int number = 0;
        try (MappingIterator<String[]> records = RECORDS.readValues(text)) {
            while (records.hasNext()) {
                number++;
                collector.add(number, Arrays.asList(records.next()));
            }
        } catch (RuntimeJsonMappingException | IOException unreadable) {
            throw Sheet.invalidFile("the CSV cannot be read at row " + (number + 1) + ": " + reason(unreadable));
        }
        return collector.sheet();
    }

    /** The parser's own words (an unclosed quote, say), without its description of the input. */
    private static String reason(Exception unreadable) {
        Throwable cause = unreadable instanceof RuntimeJsonMappingException ? unreadable.getCause() : unreadable;
        return cause instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(cause);
    }
}
