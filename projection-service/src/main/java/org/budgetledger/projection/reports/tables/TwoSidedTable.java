package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.CsvKey;
import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A two-sided summary table (公开01表, 公开04表): income rows and expenditure rows, each with its 行次, read
 * from a {@link SummaryLayout}. Its CSV keys are {@code side,line,item}; its form puts income on the left (in
 * its first column) and expenditure on the right (in every column), each 行次 on its line.
 */
public abstract class TwoSidedTable implements ReportTable {

    private final SummaryLayout layout;

    protected TwoSidedTable(String layoutResource) {
        this.layout = new SummaryLayout(layoutResource);
    }

    /** What a row adds up in a column from what the layout says the row holds, or null for an empty cell. */
    protected abstract CellSum held(String holds, Column column);

    @Override
    public List<ReportRow> rows(ReportInputs inputs) {
        return layout.rows(columns(), this::held, inputs);
    }

    /** {@code {side}:{line}}, e.g. {@code expenditure:58}. */
    @Override
    public String address(ReportRow row) {
        return row.side() + ":" + row.line();
    }

    /** A row is {@code {side}:{line}}, or the code of a 类 row on the expenditure side ({@code 214}). */
    @Override
    public Optional<CellSum> cell(String row, Column column) {
        String address = layout.addressOfCode(row).orElse(row);
        String[] sideAndLine = address.split(":", 2);
        if (!columns().contains(column) || sideAndLine.length != 2 || !sideAndLine[1].matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        return layout.cell(sideAndLine[0], Integer.parseInt(sideAndLine[1]), column, this::held);
    }

    @Override
    public List<CsvKey> csvKeys() {
        return List.of(new CsvKey("side", ReportRow::side), new CsvKey("line", row -> String.valueOf(row.line())),
                new CsvKey("item", ReportRow::name));
    }

    @Override
    public FormLayout layout(Report report) {
        OfficialForm form = officialForm();
        List<ReportRow> income = report.rows().stream().filter(row -> "income".equals(row.side())).toList();
        List<ReportRow> expenditure = report.rows().stream().filter(row -> "expenditure".equals(row.side())).toList();
        int incomeLast = income.get(income.size() - 1).line();
        int expenditureFirst = expenditure.get(0).line();
        List<Column> columns = columns();
        FormLayout grid = new FormLayout(form, 3, List.of(0, 3));
        List<Object> sides = new ArrayList<>(List.of("收入", "", "", "支出", ""));
        columns.forEach(column -> sides.add(""));
        grid.add(sides);
        List<Object> labels = new ArrayList<>(List.of("项目", "行次", "金额", "项目", "行次"));
        labels.addAll(form.columnLabels());
        grid.add(labels);
        List<Object> numbers = new ArrayList<>(List.of("栏次", "", "1", "栏次", ""));
        for (int column = 0; column < columns.size(); column++) {
            numbers.add(Integer.toString(column + 2));
        }
        grid.add(numbers);
        grid.merge(0, 0, 0, 2);
        grid.merge(0, 0, 3, 4 + columns.size());
        for (int line = 1; line <= incomeLast; line++) {
            ReportRow in = byLine(income, line);
            ReportRow out = byLine(expenditure, line - 1 + expenditureFirst);
            List<Object> row = new ArrayList<>();
            row.add(in == null ? "" : in.name());
            row.add(Integer.toString(line));
            row.add(in == null ? "" : report.number(in, columns.get(0)));
            row.add(out == null ? "" : out.name());
            row.add(Integer.toString(line - 1 + expenditureFirst));
            for (Column column : columns) {
                row.add(out == null ? "" : report.number(out, column));
            }
            grid.add(row);
        }
        return grid;
    }

    private static ReportRow byLine(List<ReportRow> rows, int line) {
        return rows.stream().filter(row -> row.line() != null && row.line() == line).findFirst().orElse(null);
    }
}
