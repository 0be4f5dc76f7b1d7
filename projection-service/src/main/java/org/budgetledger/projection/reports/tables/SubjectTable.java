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
 * A table whose rows are the subject tree (T02, T03, T05, T07, T08), defined by its columns: its CSV keys are
 * {@code subject_code,subject_name} (合计 with an empty code), its form 科目代码, 科目名称, then the columns
 * with their 栏次.
 */
public abstract class SubjectTable implements ReportTable {

    private final List<SubjectRows.Source> sources;
    private final List<SubjectRows.Derived> derived;

    /** The sources' columns, then the derived ones: the table's columns, in order. */
    private final List<Column> columns;

    protected SubjectTable(List<SubjectRows.Source> sources, List<SubjectRows.Derived> derived) {
        this.sources = List.copyOf(sources);
        this.derived = List.copyOf(derived);
        List<Column> all = new ArrayList<>(sources.stream().map(SubjectRows.Source::column).toList());
        derived.forEach(column -> all.add(column.column()));
        this.columns = List.copyOf(all);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs) {
        return SubjectRows.rows(inputs, sources, derived);
    }

    /** A row is 合计 ({@code TOTAL}) or a 类, 款 or 项 code, with or without a row in the report at this point. */
    @Override
    public Optional<CellSum> cell(String row, Column column) {
        return SubjectRows.isRow(row) ? SubjectRows.cell(row, column, sources, derived) : Optional.empty();
    }

    @Override
    public List<CsvKey> csvKeys() {
        return List.of(new CsvKey("subject_code", row -> SubjectRows.TOTAL.equals(row.code()) ? "" : row.code()),
                new CsvKey("subject_name", ReportRow::name));
    }

    @Override
    public FormLayout layout(Report report) {
        OfficialForm form = officialForm();
        FormLayout grid = new FormLayout(form, 3, List.of(1));
        List<Object> top = new ArrayList<>(List.of("项目", ""));
        top.addAll(form.columnLabels());
        grid.add(top);
        List<Object> second = new ArrayList<>(List.of("科目代码", "科目名称"));
        form.columnLabels().forEach(label -> second.add(""));
        grid.add(second);
        List<Object> numbers = new ArrayList<>(List.of("栏次", ""));
        for (int column = 0; column < columns().size(); column++) {
            numbers.add(Integer.toString(column + 1));
            grid.merge(0, 1, column + 2, column + 2);
        }
        grid.add(numbers);
        grid.merge(0, 0, 0, 1);
        for (ReportRow row : report.rows()) {
            List<Object> line = new ArrayList<>();
            line.add(SubjectRows.TOTAL.equals(row.code()) ? "" : row.code());
            line.add(row.name());
            columns().forEach(column -> line.add(report.number(row, column)));
            grid.add(line);
        }
        return grid;
    }
}
