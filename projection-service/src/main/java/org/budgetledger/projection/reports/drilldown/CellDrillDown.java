package org.budgetledger.projection.reports.drilldown;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.departments.AppliedRegister;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.web.security.Caller;
import org.budgetledger.projection.readmodel.CellFacts;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.CodeNames;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The transactions behind one cell of a report (issue #20): the cell as the table defines it ({@link ReportTable#cell},
 * the definition the table computes with), its amount as the report shows it, and a page of the facts the period keeps
 * that it counts, each with its amount in the cell. Every page of a cell, at one point, sums to that cell.
 */
@Component
public class CellDrillDown {

    private static final Logger log = LoggerFactory.getLogger(CellDrillDown.class);

    /** The most transactions one page lists: a page is one statement that stops after it. */
    public static final int PAGE_SIZE_MAX = 500;

    private final Consolidation consolidation;
    private final AppliedRegister register;
    private final CellFacts facts;

    CellDrillDown(Consolidation consolidation, AppliedRegister register, CellFacts facts) {
        this.consolidation = consolidation;
        this.register = register;
        this.facts = facts;
    }

    /** A cell of a table by its row (as {@link ReportTable#address} names it) and column (its JSON name). */
    record Cell(ReportTable table, String row, Column column, CellSum sum) {
    }

    /** The cell, or 400 UNKNOWN_CELL naming the row or column the table does not have. */
    static Cell cellOf(ReportTable table, String row, String column) {
        Column found = table.columns().stream().filter(candidate -> candidate.key().equals(column)).findFirst()
                .orElseThrow(() -> new ApiProblem(ProblemCode.UNKNOWN_CELL, table.name() + " has no column " + column
                        + "; its columns are " + table.columns(), List.of(new FieldError("column", "one of " + table.columns()))));
        if (found.part() != null) {
            throw new ApiProblem(ProblemCode.UNKNOWN_CELL, column + " is a ratio of two cells, not a sum of transactions: "
                    + "drill into " + found.part() + " or " + found.whole(), List.of(new FieldError("column", "a column of amounts")));
        }
        CellSum sum = table.cell(row, found).orElseThrow(() -> new ApiProblem(ProblemCode.UNKNOWN_CELL, table.name()
                + " has no cell in row " + row + ", column " + column + "; " + ROW_FORMS,
                List.of(new FieldError("row", "a row of " + table.name() + " in column " + column))));
        return new Cell(table, row, found, sum);
    }

    private static final String ROW_FORMS = "a row is named by its code (TOTAL, a subject or economic code, budget or "
            + "actual), by {side}:{line} in T01 and T04 (expenditure:58), by {part}:{code} in execution (all:TOTAL)";

    /** The report's row the address names, if the report shows it (公开01表 and 04表: also by a 类's code). */
    static Optional<ReportRow> rowOf(ReportTable table, List<ReportRow> rows, String address) {
        return rows.stream().filter(row -> table.address(row).equals(address) || row.side() != null && address.equals(row.code()))
                .findFirst();
    }

    /**
     * A page of the cell's transactions at the period, in the scope.
     *
     * @param page from 0
     */
    public CellTransactions page(String unit, int year, ReportTable table, String row, String column, ReportPeriod period,
                                 Scope scope, int page, int size) {
        Cell cell = cellOf(table, row, column);
        DepartmentInputs department = consolidation.inputs(Caller.current(), unit, year, period, scope);
        ReportInputs inputs = register.named(department.consolidated(), period);
        Optional<ReportRow> shown = rowOf(table, table.rows(inputs), row);
        long cellFen = shown.map(reportRow -> reportRow.fen(cell.column())).orElseGet(() -> cell.sum().fen(inputs));
        CellFacts.Keeping keeping = new CellFacts.Keeping(department.units(), year, period);
        List<CellFacts.Line> lines = facts.page(cell.sum(), keeping, (long) page * size, size + 1);
        log.debug("event=cell_drilled unit={} year={} table={} row={} column={} scope={} page={} lines={}", unit, year,
                table.name(), row, column, scope.parameterValue(), page, Math.min(size, lines.size()));
        return answer(new Asked(unit, register.nameAt(unit, period), year, period, scope, cell, shown.map(ReportRow::name)
                .orElse(null), page, size), cellFen, lines, inputs.names(), code -> register.nameAt(code, period));
    }

    /** The column's header on the table's official form (or its key, should the form not label every column). */
    static String columnName(ReportTable table, Column column) {
        List<String> labels = table.officialForm().columnLabels();
        int index = table.columns().indexOf(column);
        return labels.size() == table.columns().size() && index >= 0 ? labels.get(index) : column.key();
    }

    /** What was asked: whose cell, at which point, which page. */
    record Asked(String unit, String unitName, int year, ReportPeriod period, Scope scope, Cell cell, String rowName,
                 int page, int size) {
    }

    /**
     * The answer of a page, from the cell's amount and the page's lines (one more than the page holds when there is
     * a next page).
     */
    static CellTransactions answer(Asked asked, long cellFen, List<CellFacts.Line> lines, CodeNames names,
                                   UnaryOperator<String> unitNames) {
        boolean hasNext = lines.size() > asked.size();
        List<CellFacts.Line> listed = hasNext ? lines.subList(0, asked.size()) : lines;
        long pageFen = 0;
        for (CellFacts.Line line : listed) {
            pageFen = Math.addExact(pageFen, line.amountFen());
        }
        List<TransactionLine> transactions = listed.stream().map(line -> TransactionLines.of(line, names,
                asked.scope() == Scope.DEPARTMENT ? unitNames : null)).toList();
        return new CellTransactions(asked.cell().table().name(), asked.unit(), asked.unitName(), asked.year(),
                asked.period().asOf(), asked.period().knownAt(), asked.scope().parameterValue(), asked.cell().row(),
                asked.rowName(), asked.cell().column().key(), columnName(asked.cell().table(), asked.cell().column()),
                Money.ofFen(cellFen).toYuanString(), asked.page(), asked.size(),
                hasNext, Money.ofFen(pageFen).toYuanString(), transactions);
    }
}
