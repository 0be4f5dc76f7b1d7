package org.budgetledger.projection.reports.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.CsvKey;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese labels; CRLF line ends; a cell
 * quoted only when it holds a comma, a quote or a line end), with the headers of the published tables'
 * transcription: the table's key columns (e.g. {@code side,line,item} for T01), then its value columns.
 */
public final class ReportCsv {

    /** Quotes exactly the cells that need it, as RFC 4180 says, not every cell with punctuation or spaces. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private ReportCsv() {
    }

    public static String write(Report report) {
        List<CsvKey> keys = report.table().csvKeys();
        List<Column> columns = report.table().columns();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n").setNullValue("");
        keys.forEach(key -> schema.addColumn(key.header()));
        columns.forEach(column -> schema.addColumn(column.key()));
        List<List<String>> cells = new ArrayList<>(report.rows().size());
        for (ReportRow row : report.rows()) {
            List<String> line = new ArrayList<>(keys.size() + columns.size());
            keys.forEach(key -> line.add(key.value().apply(row)));
            columns.forEach(column -> line.add(report.text(row, column)));
            cells.add(line);
        }
        try {
            return "\uFEFF" + CSV.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
