package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Report inputs read from the read model: the facts kept by the period, summed by the database. */
public class FactQueries {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JdbcClient jdbc;
    private final String schema;

    /** @param schema the read model's schema: the live one, or a replay's scratch schema */
    public FactQueries(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    private static boolean absent(String dimension) {
        return dimension == null || dimension.isEmpty();
    }

    /** The years this read model holds events of for the unit, oldest first. */
    public List<Integer> years(String unit) {
        // a skip scan over the (unit, year, sequence) index: one probe per year, however many events
        return jdbc.sql("""
                        WITH RECURSIVE years AS (
                            SELECT min(year) AS year FROM %1$s.applied_event WHERE unit = :unit
                            UNION ALL
                            SELECT (SELECT min(year) FROM %1$s.applied_event WHERE unit = :unit AND year > years.year)
                            FROM years WHERE years.year IS NOT NULL)
                        SELECT year FROM years WHERE year IS NOT NULL ORDER BY year""".formatted(schema))
                .param("unit", unit)
                .query(Integer.class).list();
    }

    public ReportInputs inputs(String unit, int year, ReportPeriod period) {
        Date asOf = Date.valueOf(period.asOf());
        Timestamp knownAt = Timestamp.from(period.knownAt());
        ReportInputs inputs = new ReportInputs(sums(unit, year, asOf, knownAt), limitsFen(unit, year, asOf, knownAt));
        if (!inputs.summable()) {
            throw beyondWhatReportsSum(unit, year);
        }
        return inputs;
    }

    /** The facts kept by the period, summed per dimension; the sums that are zero left out. */
    private List<FactSum> sums(String unit, int year, Date asOf, Timestamp knownAt) {
        // One statement, so that it sees one state of the read model. Of its two ways, the database takes one
        // (the other's filters are false before any row is read):
        // - no checkpoint is later than knownAt: the day sums up to asOf, less the facts among them recorded after
        //   knownAt, which are fewer than a checkpoint bucket (usually none);
        // - otherwise: the latest checkpoint at or before knownAt, plus the facts recorded after it up to knownAt,
        //   which are at most about one bucket. See FactCheckpoints.
        return jdbc.sql("""
                        WITH base AS (
                            SELECT max(known_until) AS known_until FROM %1$s.fact_checkpoint
                            WHERE unit = :unit AND year = :year AND known_until <= :knownAt
                        ), later AS (
                            SELECT EXISTS (SELECT 1 FROM %1$s.fact_checkpoint
                                           WHERE unit = :unit AND year = :year AND known_until > :knownAt) AS found
                        )
                        SELECT measure, fund, subject, kind, economic, project, origin, sum(fen) AS fen FROM (
                            SELECT measure, fund, subject, kind, economic, project, origin, amount_fen AS fen
                            FROM %1$s.fact_daily
                            WHERE unit = :unit AND year = :year AND effective_date <= :asOf AND NOT (SELECT found FROM later)
                          UNION ALL
                            SELECT measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''), coalesce(project, ''),
                                   coalesce(origin, ''), -amount_fen
                            FROM %1$s.fact
                            WHERE unit = :unit AND year = :year AND recorded_at > :knownAt AND effective_date <= :asOf
                              AND NOT (SELECT found FROM later)
                          UNION ALL
                            SELECT measure, fund, subject, kind, economic, project, origin, amount_fen
                            FROM %1$s.fact_checkpoint_sum
                            WHERE unit = :unit AND year = :year AND known_until = (SELECT known_until FROM base)
                              AND effective_date <= :asOf AND (SELECT found FROM later)
                          UNION ALL
                            SELECT measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''), coalesce(project, ''),
                                   coalesce(origin, ''), amount_fen
                            FROM %1$s.fact
                            WHERE unit = :unit AND year = :year
                              AND recorded_at > coalesce((SELECT known_until FROM base), '-infinity') AND recorded_at <= :knownAt
                              AND effective_date <= :asOf AND (SELECT found FROM later)
                        ) kept
                        GROUP BY measure, fund, subject, kind, economic, project, origin
                        HAVING sum(fen) <> 0""".formatted(schema))
                .param("unit", unit).param("year", year).param("asOf", asOf).param("knownAt", knownAt)
                .query((row, number) -> factSum(row, unit, year))
                .list();
    }

    private static FactSum factSum(ResultSet row, String unit, int year) throws SQLException {
        return new FactSum(Measure.valueOf(row.getString("measure")),
                Fund.valueOf(row.getString("fund")), row.getString("subject"),
                absent(row.getString("kind")) ? null : Kind.valueOf(row.getString("kind")),
                absent(row.getString("economic")) ? null : row.getString("economic"),
                absent(row.getString("project")) ? null : row.getString("project"),
                absent(row.getString("origin")) ? null : LineOrigin.valueOf(row.getString("origin")),
                fen(row.getBigDecimal("fen"), unit, year));
    }

    /** The 三公 limit of each category in force on the period's day, as known at its knownAt. */
    private Map<ThreePublicCategory, Long> limitsFen(String unit, int year, Date asOf, Timestamp knownAt) {
        Map<ThreePublicCategory, Long> limits = new EnumMap<>(ThreePublicCategory.class);
        jdbc.sql("""
                        SELECT DISTINCT ON (category) category, amount_fen FROM %s.three_public_limit
                        WHERE unit = ? AND year = ? AND effective_date <= ? AND recorded_at <= ?
                        ORDER BY category, effective_date DESC, sequence DESC""".formatted(schema))
                .params(unit, year, asOf, knownAt)
                .query(row -> {
                    limits.put(ThreePublicCategory.valueOf(row.getString("category")), row.getLong("amount_fen"));
                });
        return limits;
    }

    /** A sum of the database's (a numeric: it never overflows) as a long, if it is one. */
    private static long fen(BigDecimal sum, String unit, int year) {
        if (sum.compareTo(LONG_MIN) < 0 || sum.compareTo(LONG_MAX) > 0) {
            throw beyondWhatReportsSum(unit, year);
        }
        return sum.longValueExact();
    }

    private static ApiProblem beyondWhatReportsSum(String unit, int year) {
        return new ApiProblem(ProblemCode.AMOUNT_LIMIT_EXCEEDED, "the amounts of unit " + unit + " in " + year
                + " add up to more than a report can sum exactly; they were stored before the ledger limited the"
                + " amounts of a budget year, and no report of this budget year can be computed");
    }
}
