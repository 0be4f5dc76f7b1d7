package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts behind report cells (issue #20, the drill-down and the comparison of two points): the facts a cell's
 * definition ({@link CellSum}) chooses among those a period keeps, each with its amount as the cell counts it and what
 * its transaction says ({@code fact_transaction}), and the 三公 limits in force the cell counts. The database chooses
 * them with the same definition the tables compute with ({@link SelectionSql}).
 *
 * <p>A page is one statement, in the order of effective date, then sequence: for one unit, the cell's first facts as
 * {@link FirstFactsOfUnit} reads them, at a cost bounded by rows at any point; for a department, each unit's first
 * facts of the cell in that order.
 */
public class CellFacts {

    /**
     * One line of a drill-down: a fact (or a 三公 limit: {@code category} set, {@code measure} null) and its amount as
     * counted in the cell, with what its transaction says (null for an event applied before V12, until a rebuild).
     *
     * @param project as the fact has it (never {@code {unit}/…})
     */
    public record Line(long sequence, int part, String unit, LocalDate effectiveDate, Instant recordedAt, Measure measure,
                       Fund fund, String subject, Kind kind, String economic, String project, String lineId,
                       LineOrigin origin, ThreePublicCategory category, long amountFen, String transactionId, String type,
                       String principal, String memo, String voucher) {

        /** The same line counted {@code times} over (a cell's weight, or −1 for what a later point no longer keeps). */
        public Line times(long times) {
            return new Line(sequence, part, unit, effectiveDate, recordedAt, measure, fund, subject, kind, economic, project,
                    lineId, origin, category, Math.multiplyExact(amountFen, times), transactionId, type, principal, memo,
                    voucher);
        }
    }

    /**
     * Whose facts, at which point: the units' of a year kept by the period. A department of more than one unit leaves
     * out the flows between its units and names projects {@code {unit}/{project}}, as its consolidated report does.
     */
    public record Keeping(List<String> units, int year, ReportPeriod period) {
        public Keeping {
            units = List.copyOf(units);
        }

        public boolean consolidating() {
            return units.size() > 1;
        }

        /** A fact's project as this report names it. */
        public String projectOf(Line line) {
            return consolidating() ? DepartmentInputs.projectOf(line.unit(), line.project()) : line.project();
        }
    }

    /**
     * The facts and limits kept at exactly one of two points: at the first alone as they were ({@code amountFen} as
     * stored, a limit in force then), and at the second alone; {@code complete} when no fact beyond the most asked for
     * was left out.
     */
    public record Changes(List<Line> firstOnly, List<Line> secondOnly, boolean complete) {
    }

    /** A statement of SQL with its named parameters. */
    public record Statement(String sql, Map<String, Object> parameters) {
    }

    private static final String LINE_COLUMNS = """
            f.sequence, f.part, f.unit, f.effective_date, f.recorded_at, f.measure, f.fund, f.subject, f.kind, f.economic,
            f.project, f.line_id, f.origin, NULL AS category""";

    /**
     * The facts of a unit-year a page passes in its own order before it reads otherwise ({@link FirstFactsOfUnit}):
     * each a page of the table in a random order (the table is in the order of recording), a tax a cell of few facts
     * (found by its code) pays on every ask. 1,000 give a page of 51 to a cell of a tenth of the facts once half of
     * them are known, and to a cell of all of them once 5 % are.
     */
    public static final int PREFIX_FACTS = 1_000;
    /**
     * The most facts of a unit-year recorded by knownAt that a page reads by recording instant and sorts. Where the two
     * readings cost the same at the goal's shape (issue #20; a PostgreSQL 15 probe of the statement, 1,000,000 facts):
     * by recording instant about 1 µs a fact, 30 ms for 30,000; more known than that, the page's order passes at most
     * page × unit-year / (the cell's share × 30,000), 17,000 for a page of 51 in a cell of a tenth of 1,000,000 facts, at
     * about 2 µs each (a page of the table each).
     */
    public static final int RECORDED_FACTS = 30_000;

    private final JdbcClient jdbc;
    private final String schema;
    private final FirstFactsOfUnit firstFactsOfUnit;

    /**
     * @param checkpointFacts the facts of a unit-year between two checkpoints, at least (the setting
     *                        {@code budgetledger.projection.checkpoint-facts})
     */
    public CellFacts(JdbcClient jdbc, String schema, int checkpointFacts) {
        this(jdbc, schema, PREFIX_FACTS, RECORDED_FACTS, checkpointFacts);
    }

    /**
     * @param prefixFacts   the facts a page passes in its order before it reads otherwise (0: never in order)
     * @param recordedFacts the most facts recorded by knownAt a page reads by recording instant (0: none)
     */
    public CellFacts(JdbcClient jdbc, String schema, long prefixFacts, long recordedFacts, int checkpointFacts) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.firstFactsOfUnit = new FirstFactsOfUnit(schema, prefixFacts, recordedFacts, checkpointFacts);
    }

    /**
     * A page of the lines of the cell at one point, in the order of effective date, sequence and part; a line per fact
     * the cell counts (weight ≠ 0), and per limit in force it counts. All pages together sum to the cell.
     */
    public List<Line> page(CellSum cell, Keeping keeping, long offset, int size) {
        Statement statement = pageStatement(cell, keeping, offset, size);
        if (statement == null) {
            return List.of();
        }
        return jdbc.sql(statement.sql()).params(statement.parameters()).query((row, number) -> line(row)).list();
    }

    /**
     * The one statement {@link #page} runs, with its parameters; null when the cell counts nothing. Public so that
     * tests can ask the database how it reads a page ({@code EXPLAIN}): how many facts it passes is the design.
     */
    public Statement pageStatement(CellSum cell, Keeping keeping, long offset, int size) {
        SelectionSql sql = new SelectionSql(keeping.consolidating());
        // the page's bounds written out, not bound: the planner weighs reading the index in order against sorting
        long first = Math.max(0, offset);
        long upTo = Math.addExact(first, Math.max(0, size));
        List<String> branches = new ArrayList<>();
        if (!cell.terms().isEmpty()) {
            branches.add(keeping.consolidating() ? unitByUnit(cell, keeping, sql, upTo)
                    : firstFactsOfUnit.upTo(cell, keeping, sql, LINE_COLUMNS, upTo));
        }
        if (!cell.limits().isEmpty()) {
            branches.add(limitsInForce(cell, keeping, sql));
        }
        if (branches.isEmpty()) {
            return null;
        }
        return new Statement("SELECT page.*, t.transaction_id, t.type, t.principal, t.memo, t.voucher FROM ("
                + String.join(" UNION ALL ", branches) + " ORDER BY effective_date, sequence, part LIMIT "
                + Math.max(0, size) + " OFFSET " + first + ") page"
                + " LEFT JOIN " + schema + ".fact_transaction t ON t.sequence = page.sequence"
                + " ORDER BY page.effective_date, page.sequence, page.part", Map.copyOf(sql.parameters()));
    }

    /**
     * A department's: each unit's first facts of the cell up to the page's end, in the page's order, then the page of
     * them all; so that each unit's are read from the index in order, however many units and facts.
     */
    private String unitByUnit(CellSum cell, Keeping keeping, SelectionSql sql, long upTo) {
        return "SELECT by_unit.* FROM unnest(" + sql.parameter(new SqlArrayValue("varchar", keeping.units().toArray()))
                + "::varchar[]) AS u (unit) CROSS JOIN LATERAL (SELECT " + LINE_COLUMNS + ", " + sql.weight(cell)
                + " * f.amount_fen AS amount_fen FROM " + schema + ".fact f WHERE f.unit = u.unit AND " + kept(keeping, sql)
                + " AND NOT " + internal(keeping, sql) + " AND " + sql.counts(cell)
                + " ORDER BY f.effective_date, f.sequence, f.part LIMIT " + upTo + ") by_unit";
    }

    /**
     * The facts of a year kept at exactly one of two points, and the limits in force at one and not the other, in the
     * order of effective date, sequence and part; at most {@code max} facts (one more tells there are more).
     */
    public Changes changes(Keeping first, Keeping second, int max) {
        if (first.year() != second.year()) {
            throw new IllegalArgumentException("two points of one year are compared, not " + first.year() + " and " + second.year());
        }
        SelectionSql sql = new SelectionSql(false);
        String keptFirst = keptAnywhere(first, sql);
        String keptSecond = keptAnywhere(second, sql);
        List<String> either = new ArrayList<>(first.units());
        second.units().stream().filter(unit -> !either.contains(unit)).forEach(either::add);
        String statement = "SELECT " + LINE_COLUMNS + ", f.amount_fen, " + keptSecond + " AS kept_second,"
                + " t.transaction_id, t.type, t.principal, t.memo, t.voucher FROM " + schema + ".fact f"
                + " LEFT JOIN " + schema + ".fact_transaction t ON t.sequence = f.sequence"
                + " WHERE f.year = " + sql.parameter(first.year())
                + " AND f.unit = ANY (" + sql.parameter(new SqlArrayValue("varchar", either.toArray())) + ")"
                + narrowed(first, second, sql)
                + " AND (" + keptFirst + ") <> (" + keptSecond + ")"
                + " ORDER BY f.effective_date, f.sequence, f.part LIMIT " + (max + 1);
        List<Line> firstOnly = new ArrayList<>();
        List<Line> secondOnly = new ArrayList<>();
        jdbc.sql(statement).params(sql.parameters()).query(row -> {
            (row.getBoolean("kept_second") ? secondOnly : firstOnly).add(line(row));
        });
        boolean complete = firstOnly.size() + secondOnly.size() <= max;
        List<Line> limitsFirst = limits(first);
        List<Line> limitsSecond = limits(second);
        limitsFirst.stream().filter(limit -> !limitsSecond.contains(limit)).forEach(firstOnly::add);
        limitsSecond.stream().filter(limit -> !limitsFirst.contains(limit)).forEach(secondOnly::add);
        return new Changes(firstOnly, secondOnly, complete);
    }

    /** Whether a fact {@code f} of the point's unit (given apart) is kept at the point: its year and period. */
    private static String kept(Keeping keeping, SelectionSql sql) {
        return "f.year = " + sql.parameter(keeping.year())
                + " AND f.effective_date <= " + sql.parameter(Date.valueOf(keeping.period().asOf()))
                + " AND f.recorded_at <= " + sql.parameter(Timestamp.from(keeping.period().knownAt()));
    }

    /** Whether a fact {@code f} of the year is kept at the point, as a boolean that is never null. */
    private static String keptAnywhere(Keeping keeping, SelectionSql sql) {
        String kept = "f.unit = ANY (" + sql.parameter(new SqlArrayValue("varchar", keeping.units().toArray())) + ")"
                + " AND f.effective_date <= " + sql.parameter(Date.valueOf(keeping.period().asOf()))
                + " AND f.recorded_at <= " + sql.parameter(Timestamp.from(keeping.period().knownAt()));
        return "(" + (keeping.consolidating() ? kept + " AND NOT " + internal(keeping, sql) : kept) + ")";
    }

    /**
     * When both points keep the same units' facts alike, a fact kept at one alone was recorded after the earlier
     * knownAt or is effective after the earlier asOf: said outright, so that the database reads those facts only.
     */
    private static String narrowed(Keeping first, Keeping second, SelectionSql sql) {
        if (!first.units().equals(second.units())) {
            return "";
        }
        Instant knownAt = min(first.period().knownAt(), second.period().knownAt());
        LocalDate asOf = first.period().asOf().isBefore(second.period().asOf()) ? first.period().asOf() : second.period().asOf();
        return " AND (f.recorded_at > " + sql.parameter(Timestamp.from(knownAt)) + " OR f.effective_date > "
                + sql.parameter(Date.valueOf(asOf)) + ")";
    }

    private static String internal(Keeping keeping, SelectionSql sql) {
        String units = sql.parameter(new SqlArrayValue("varchar", keeping.units().toArray())).substring(1);
        return InternalFlow.sqlCondition(units);
    }

    /** The limits in force the cell counts, as lines of the page (part 0), each with its sign in the cell. */
    private String limitsInForce(CellSum cell, Keeping keeping, SelectionSql sql) {
        StringBuilder sign = new StringBuilder("CASE l.category");
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            int weight = cell.limits().stream().filter(limit -> limit.category() == category).mapToInt(CellSum.LimitTerm::sign).sum();
            sign.append(" WHEN '").append(category.name()).append("' THEN ").append(weight);
        }
        sign.append(" ELSE 0 END");
        return "SELECT l.sequence, 0 AS part, l.unit, l.effective_date, l.recorded_at, NULL AS measure, NULL AS fund,"
                + " NULL AS subject, NULL AS kind, NULL AS economic, NULL AS project, NULL AS line_id, NULL AS origin,"
                + " l.category, " + sign + " * l.amount_fen AS amount_fen FROM (" + inForce(keeping, sql) + ") l"
                + " WHERE " + sign + " <> 0";
    }

    /** The limits in force at the point, unit by unit and category by category: the latest effective by asOf. */
    private String inForce(Keeping keeping, SelectionSql sql) {
        return "SELECT DISTINCT ON (unit, category) sequence, unit, category, effective_date, recorded_at, amount_fen"
                + " FROM " + schema + ".three_public_limit"
                + " WHERE unit = ANY (" + sql.parameter(new SqlArrayValue("varchar", keeping.units().toArray())) + ")"
                + " AND year = " + sql.parameter(keeping.year())
                + " AND effective_date <= " + sql.parameter(Date.valueOf(keeping.period().asOf()))
                + " AND recorded_at <= " + sql.parameter(Timestamp.from(keeping.period().knownAt()))
                + " ORDER BY unit, category, effective_date DESC, sequence DESC";
    }

    /** Every limit in force at the point, as a line of its own amount. */
    private List<Line> limits(Keeping keeping) {
        SelectionSql sql = new SelectionSql(false);
        String statement = "SELECT l.sequence, 0 AS part, l.unit, l.effective_date, l.recorded_at, NULL AS measure,"
                + " NULL AS fund, NULL AS subject, NULL AS kind, NULL AS economic, NULL AS project, NULL AS line_id,"
                + " NULL AS origin, l.category, l.amount_fen, t.transaction_id, t.type, t.principal, t.memo, t.voucher"
                + " FROM (" + inForce(keeping, sql) + ") l LEFT JOIN " + schema + ".fact_transaction t ON t.sequence = l.sequence"
                + " ORDER BY l.effective_date, l.sequence";
        return jdbc.sql(statement).params(sql.parameters()).query((row, number) -> line(row)).list();
    }

    private static Line line(ResultSet row) throws SQLException {
        return new Line(row.getLong("sequence"), row.getInt("part"), row.getString("unit"),
                row.getDate("effective_date").toLocalDate(), row.getTimestamp("recorded_at").toInstant(),
                row.getString("measure") == null ? null : Measure.valueOf(row.getString("measure")),
                row.getString("fund") == null ? null : Fund.valueOf(row.getString("fund")),
                row.getString("subject"),
                row.getString("kind") == null ? null : Kind.valueOf(row.getString("kind")),
                row.getString("economic"), row.getString("project"), row.getString("line_id"),
                row.getString("origin") == null ? null : LineOrigin.valueOf(row.getString("origin")),
                row.getString("category") == null ? null : ThreePublicCategory.valueOf(row.getString("category")),
                row.getLong("amount_fen"), row.getString("transaction_id"), row.getString("type"),
                row.getString("principal"), row.getString("memo"), row.getString("voucher"));
    }

    private static Instant min(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}
