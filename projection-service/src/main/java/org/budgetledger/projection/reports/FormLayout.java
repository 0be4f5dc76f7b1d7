package org.budgetledger.projection.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out as its official 2023 form prints it: the header rows with 栏次, the body, the merged
 * header cells (rows and columns relative to the table). Each table lays out its own rows; the XLSX and HTML
 * renderings both draw this one layout, so the screen and the download cannot disagree.
 *
 * <p>Cells are {@link Amount} for amounts, {@link String} for everything else.
 */
public final class FormLayout {

    /**
     * An amount as the form prints it, with the cell it shows (its row as {@link ReportTable#address} names it and its
     * column), so that a drill-down can be opened from it; no cell for a rate, which is no sum of transactions.
     */
    public record Amount(BigDecimal value, String row, String column) {
    }

    private final OfficialForm form;
    private final int headerRows;
    private final List<Integer> textColumns;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<int[]> merges = new ArrayList<>();

    /** @param textColumns the columns of names (drawn wide) */
    public FormLayout(OfficialForm form, int headerRows, List<Integer> textColumns) {
        this.form = form;
        this.headerRows = headerRows;
        this.textColumns = List.copyOf(textColumns);
    }

    public void add(List<Object> row) {
        rows.add(row);
    }

    public void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        merges.add(new int[]{firstRow, lastRow, firstColumn, lastColumn});
    }

    public OfficialForm form() {
        return form;
    }

    public int headerRows() {
        return headerRows;
    }

    public List<Integer> textColumns() {
        return textColumns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    /** Each merge as {firstRow, lastRow, firstColumn, lastColumn}. */
    public List<int[]> merges() {
        return merges;
    }

    /** Columns of the widest row. */
    public int width() {
        return rows.stream().mapToInt(List::size).max().orElse(1);
    }
}
