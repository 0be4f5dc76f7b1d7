package org.budgetledger.projection.reports.drilldown;

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
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What changed in a table between two points (issue #20, 与已公开版本比较): the table computed at each, every cell
 * whose amount differs, and for each the transactions one point keeps and the other does not, as the cell counts them
 * ({@link ReportTable#cell}, the definition the table computes with).
 */
@Component
public class CellComparison {

    private static final Logger log = LoggerFactory.getLogger(CellComparison.class);

    /**
     * The most transactions kept at one point and not the other that one comparison reads: beyond, the cells that differ
     * are still listed, their transactions not (a drill-down into the cell at either point lists them page by page).
     */
    static final int CHANGED_FACTS_MAX = 20_000;
    /** The most transactions listed per cell. */
    public static final int LISTED_PER_CELL_MAX = 500;

    private final Consolidation consolidation;
    private final AppliedRegister register;
    private final CellFacts facts;

    CellComparison(Consolidation consolidation, AppliedRegister register, CellFacts facts) {
        this.consolidation = consolidation;
        this.register = register;
        this.facts = facts;
    }

    /** @param listed the most transactions listed per cell */
    public CellChanges compare(String unit, int year, ReportTable table, Scope scope, ReportPeriod first, ReportPeriod second,
                               int listed) {
        DepartmentInputs before = consolidation.inputs(Caller.current(), unit, year, first, scope);
        DepartmentInputs after = consolidation.inputs(Caller.current(), unit, year, second, scope);
        ReportInputs beforeInputs = register.named(before.consolidated(), first);
        ReportInputs afterInputs = register.named(after.consolidated(), second);
        CellFacts.Keeping keptBefore = new CellFacts.Keeping(before.units(), year, first);
        CellFacts.Keeping keptAfter = new CellFacts.Keeping(after.units(), year, second);
        CellFacts.Changes changes = facts.changes(keptBefore, keptAfter, CHANGED_FACTS_MAX);
        boolean complete = changes.complete();
        List<CellChanges.ChangedCell> cells = changedCells(table, new Compared(table.rows(beforeInputs), keptBefore),
                new Compared(table.rows(afterInputs), keptAfter), complete ? changes : null, listed, afterInputs.names(),
                scope == Scope.DEPARTMENT ? code -> register.nameAt(code, second) : null);
        log.debug("event=cells_compared unit={} year={} table={} scope={} cells={} changed_facts={} complete={}", unit, year,
                table.name(), scope.parameterValue(), cells.size(), changes.firstOnly().size() + changes.secondOnly().size(),
                complete);
        return new CellChanges(table.name(), unit, register.nameAt(unit, second), year, scope.parameterValue(),
                new CellChanges.Point(first.asOf(), first.knownAt()), new CellChanges.Point(second.asOf(), second.knownAt()),
                complete, cells);
    }

    /** A table at one point: its rows, and whose facts the point keeps. */
    record Compared(List<ReportRow> rows, CellFacts.Keeping keeping) {
    }

    /**
     * Every cell whose amount differs between the two tables, in the table's order, with the changed facts it counts
     * (none listed when {@code changes} is null: too many to list).
     *
     * @param unitNames the names of units (department scope), or null
     */
    static List<CellChanges.ChangedCell> changedCells(ReportTable table, Compared first, Compared second,
                                                      CellFacts.Changes changes, int listed, CodeNames names,
                                                      UnaryOperator<String> unitNames) {
        Map<String, ReportRow> rowsBefore = byAddress(table, first.rows());
        Map<String, ReportRow> rowsAfter = byAddress(table, second.rows());
        List<CellChanges.ChangedCell> cells = new ArrayList<>();
        for (String address : addresses(rowsBefore, rowsAfter)) {
            ReportRow was = rowsBefore.get(address);
            ReportRow is = rowsAfter.get(address);
            for (Column column : table.columns()) {
                String textBefore = was == null ? null : column.text(was, Scale.YUAN);
                String textAfter = is == null ? null : column.text(is, Scale.YUAN);
                if (Objects.equals(orZero(textBefore, column), orZero(textAfter, column))) {
                    continue;
                }
                String name = (is != null ? is : was).name();
                String label = CellDrillDown.columnName(table, column);
                if (column.part() != null || table.cell(address, column).isEmpty()) {
                    cells.add(new CellChanges.ChangedCell(address, name, column.key(), label, textBefore, textAfter, null,
                            null, null, null));
                    continue;
                }
                long beforeFen = was == null ? 0 : was.fen(column);
                long afterFen = is == null ? 0 : is.fen(column);
                String change = yuan(Math.subtractExact(afterFen, beforeFen));
                if (changes == null) {
                    cells.add(new CellChanges.ChangedCell(address, name, column.key(), label, yuan(beforeFen), yuan(afterFen),
                            change, null, null, null));
                    continue;
                }
                List<CellFacts.Line> behind = behind(table.cell(address, column).orElseThrow(), changes, first.keeping(),
                        second.keeping());
                long totalFen = 0;
                for (CellFacts.Line line : behind) {
                    totalFen = Math.addExact(totalFen, line.amountFen());
                }
                cells.add(new CellChanges.ChangedCell(address, name, column.key(), label, yuan(beforeFen), yuan(afterFen),
                        change, behind.size(), yuan(totalFen), behind.stream().limit(listed)
                        .map(line -> TransactionLines.of(line, names, unitNames)).toList()));
            }
        }
        return cells;
    }

    /**
     * The changed facts and limits the cell counts, each as it counts there: what the second point keeps alone with its
     * weight at the second point, what the first keeps alone with its weight there taken away; in the order of
     * effective date and sequence.
     */
    private static List<CellFacts.Line> behind(CellSum sum, CellFacts.Changes changes, CellFacts.Keeping first,
                                               CellFacts.Keeping second) {
        List<CellFacts.Line> lines = new ArrayList<>();
        for (CellFacts.Line line : changes.secondOnly()) {
            long weight = weight(sum, line, second);
            if (weight != 0) {
                lines.add(line.times(weight));
            }
        }
        for (CellFacts.Line line : changes.firstOnly()) {
            long weight = weight(sum, line, first);
            if (weight != 0) {
                lines.add(line.times(-weight));
            }
        }
        lines.sort(Comparator.comparing(CellFacts.Line::effectiveDate).thenComparingLong(CellFacts.Line::sequence)
                .thenComparingInt(CellFacts.Line::part));
        return lines;
    }

    /** How many times the cell counts the fact (or limit) as the point names it. */
    private static long weight(CellSum sum, CellFacts.Line line, CellFacts.Keeping keeping) {
        if (line.category() != null) {
            return sum.limits().stream().filter(limit -> limit.category() == line.category())
                    .mapToLong(CellSum.LimitTerm::sign).sum();
        }
        return sum.weight(line.measure(), line.fund(), line.subject(), line.kind(), line.economic(), keeping.projectOf(line),
                line.origin());
    }

    /** The rows of both points by address, in the order of the second point's table, then the first's others. */
    private static List<String> addresses(Map<String, ReportRow> before, Map<String, ReportRow> after) {
        List<String> addresses = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(address -> !after.containsKey(address)).forEach(addresses::add);
        return addresses;
    }

    private static Map<String, ReportRow> byAddress(ReportTable table, List<ReportRow> rows) {
        Map<String, ReportRow> byAddress = new LinkedHashMap<>();
        rows.forEach(row -> byAddress.put(table.address(row), row));
        return byAddress;
    }

    /** A cell of a row the report does not show compares as 0 (a rate: as empty, a budget of 0). */
    private static String orZero(String text, Column column) {
        return text != null ? text : column.part() == null ? yuan(0) : "";
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
