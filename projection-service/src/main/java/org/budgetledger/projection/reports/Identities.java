package org.budgetledger.projection.reports;

import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReportInputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency identities (勾稽关系) of one unit-year at one (asOf, knownAt) while they are evaluated: each
 * table's typed rows (computed once, when first asked for), exactly in 分, and the checks found so far.
 */
public final class Identities {

    private final ReportInputs inputs;
    private final Map<ReportTable, List<ReportRow>> rows = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private String table;

    public Identities(ReportInputs inputs) {
        this.inputs = inputs;
    }

    public ReportInputs inputs() {
        return inputs;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** Evaluates on these rows of the table instead of computing them (e.g. a doctored table, to see what fails). */
    public Identities given(ReportTable table, List<ReportRow> tableRows) {
        rows.put(table, List.copyOf(tableRows));
        return this;
    }

    public List<ReportRow> rows(ReportTable table) {
        return rows.computeIfAbsent(table, t -> t.rows(inputs));
    }

    /** The cell of the row with this 行次; 0 when there is none. */
    public long line(ReportTable table, int line, Column column) {
        return rows(table).stream().filter(row -> row.line() != null && row.line() == line).findFirst()
                .map(row -> row.fen(column)).orElse(0L);
    }

    /** Σ of the cells of the rows {@code first} to {@code last}. */
    public long lines(ReportTable table, Column column, int first, int last) {
        long fen = 0;
        for (int line = first; line <= last; line++) {
            fen += line(table, line, column);
        }
        return fen;
    }

    /** The cell of the row with this code; 0 when the table has no such row (subject tables skip zero rows). */
    public long code(ReportTable table, String code, Column column) {
        return rows(table).stream().filter(row -> code.equals(row.code())).findFirst()
                .map(row -> row.fen(column)).orElse(0L);
    }

    public void add(Check check) {
        checks.add(check);
    }

    /** The table whose identities are evaluated next (T01 … T09): each check says it, for grouping. */
    public void evaluating(String tableName) {
        this.table = tableName;
    }

    /**
     * @param formula the identity as the 审核公式 read it, in Chinese ("表1第27行 = 第1至8行之和")
     */
    public void equal(String name, String description, String formula, long leftFen, long rightFen) {
        add(name, description, formula, leftFen, rightFen, leftFen == rightFen);
    }

    /** A check of the table being evaluated that is not an equality (≤), or whose outcome is decided by the caller. */
    public void add(String name, String description, String formula, long leftFen, long rightFen, boolean ok) {
        Check check = check(name, description, leftFen, rightFen, ok);
        add(new Check(check.name(), check.description(), check.left(), check.right(), ok, null, null, formula, table));
    }

    /** A column's heading as the table's form prints it ("一般公共预算财政拨款"), or its key when the form has none. */
    public static String label(ReportTable table, Column column) {
        int index = table.columns().indexOf(column);
        List<String> labels = table.officialForm().columnLabels();
        return index >= 0 && index < labels.size() ? labels.get(index) : column.key();
    }

    public static Check check(String name, String description, long leftFen, long rightFen, boolean ok) {
        return new Check(name, description, Money.ofFen(leftFen).toYuanString(), Money.ofFen(rightFen).toYuanString(), ok);
    }
}
