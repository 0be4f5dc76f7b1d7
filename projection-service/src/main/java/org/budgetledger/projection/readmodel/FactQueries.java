package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Report inputs read from the read model: the facts kept by the period, summed by the database. */
public class FactQueries {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The facts of units kept by a period, summed (see {@link #sums}); {@code %1$s} is the schema. */
    private static final String SUMS = """
            WITH unit_state AS MATERIALIZED (
                SELECT u.unit, previous.known_until AS previous, next.known_until AS next
                FROM unnest(:units) AS u (unit)
                LEFT JOIN LATERAL (SELECT known_until FROM %1$s.fact_checkpoint c
                                   WHERE c.unit = u.unit AND c.year = :year AND c.known_until <= :knownAt
                                   ORDER BY known_until DESC LIMIT 1) previous ON true
                LEFT JOIN LATERAL (SELECT known_until FROM %1$s.fact_checkpoint c
                                   WHERE c.unit = u.unit AND c.year = :year AND c.known_until > :knownAt
                                   ORDER BY known_until LIMIT 1) next ON true
            ), base AS MATERIALIZED (
                -- the checkpoint nearer knownAt: facts are recorded about evenly, so fewer of them lie between
                SELECT unit, CASE WHEN next IS NULL OR previous IS NOT NULL AND :knownAt - previous <= next - :knownAt
                                  THEN previous ELSE next END AS known_until
                FROM unit_state
            ), as_of AS (
                SELECT date_trunc('month', as_of_date)::date AS month, extract(day FROM as_of_date)::int AS day,
                       (extract(year FROM as_of_date) * 12 + extract(month FROM as_of_date))::int AS month_number
                FROM (SELECT CAST(:asOf AS date) AS as_of_date) as_of
            ), kept AS (
                -- a unit-year without checkpoints: its day sums, less the facts recorded after knownAt
                SELECT b.unit, measure, fund, subject, kind, economic, project, origin, counterparty, amount_fen AS fen
                FROM base b CROSS JOIN LATERAL (
                    SELECT * FROM %1$s.fact_daily d
                    WHERE d.unit = b.unit AND d.year = :year AND d.effective_date <= :asOf OFFSET 0) d
                WHERE b.known_until IS NULL
              UNION ALL
                SELECT b.unit, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''),
                       coalesce(project, ''), coalesce(origin, ''), coalesce(counterparty, ''), -amount_fen
                FROM base b CROSS JOIN LATERAL (
                    SELECT effective_date, measure, fund, subject, kind, economic, project, origin, counterparty, amount_fen
                    FROM %1$s.fact f
                    WHERE f.unit = b.unit AND f.year = :year AND f.recorded_at > :knownAt OFFSET 0) f
                WHERE b.known_until IS NULL AND f.effective_date <= :asOf
              UNION ALL
                -- a checkpoint: each dimension's facts effective before asOf's month (nothing before its first month,
                -- its total after its last)
                SELECT c.unit, measure, fund, subject, kind, economic, project, origin, counterparty,
                       coalesce(before_month_fen[least(a.month_number - (extract(year FROM first_month) * 12
                           + extract(month FROM first_month))::int + 1, array_length(before_month_fen, 1))], 0)
                FROM base b CROSS JOIN as_of a JOIN %1$s.fact_checkpoint_dimension c ON c.unit = b.unit AND c.year = :year
                    AND c.known_until = b.known_until
              UNION ALL
                -- and those of asOf's month effective up to its day
                SELECT c.unit, measure, fund, subject, kind, economic, project, origin, counterparty, day_fen[a.day]
                FROM base b CROSS JOIN as_of a JOIN %1$s.fact_checkpoint_month c ON c.unit = b.unit AND c.year = :year
                    AND c.known_until = b.known_until AND c.month = a.month
              UNION ALL
                -- the facts between the checkpoint and knownAt: added when it is earlier, taken away when it is later
                SELECT b.unit, measure, fund, subject, coalesce(kind, ''), coalesce(economic, ''), coalesce(project, ''),
                       coalesce(origin, ''), coalesce(counterparty, ''),
                       CASE WHEN b.known_until < :knownAt THEN amount_fen ELSE -amount_fen END
                FROM base b CROSS JOIN LATERAL (
                    SELECT effective_date, measure, fund, subject, kind, economic, project, origin, counterparty, amount_fen
                    FROM %1$s.fact f
                    WHERE f.unit = b.unit AND f.year = :year AND f.recorded_at > least(b.known_until, :knownAt)
                      AND f.recorded_at <= greatest(b.known_until, :knownAt) OFFSET 0) f
                WHERE b.known_until IS NOT NULL AND f.effective_date <= :asOf
            ), classified AS (
                -- InternalFlow.isInternal; most facts have no counterparty, so that test comes first
                SELECT *, :consolidating AND counterparty <> '' AND counterparty = ANY (:units)
                          AND (measure = 'EXPENDITURE' AND kind IN ('SUBSIDY_AFFILIATE', 'REMIT_SUPERIOR')
                               OR measure = 'INCOME' AND fund IN ('SUPERIOR_SUBSIDY', 'AFFILIATE')) AS internal
                FROM kept
            )
            SELECT measure, fund, subject, kind, economic,
                   CASE WHEN :consolidating AND project <> '' THEN unit || '/' || project ELSE project END AS project,
                   origin, CASE WHEN internal THEN unit ELSE '' END AS recorder,
                   CASE WHEN internal THEN counterparty ELSE '' END AS counterparty, sum(fen) AS fen
            FROM classified
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
            HAVING sum(fen) <> 0""";

    private final JdbcClient jdbc;
    private final String schema;
    private final TransactionTemplate transactions;
    /** A department's statement runs in a read-only transaction of its own, see {@link #department}. */
    private final TransactionTemplate readOnly;

    /** @param schema the read model's schema: the live one, or a replay's scratch schema */
    public FactQueries(JdbcClient jdbc, String schema, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    /** The same queries on another schema's read model (a replay's scratch schema). */
    public FactQueries inSchema(String otherSchema) {
        return new FactQueries(jdbc, otherSchema, transactions);
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

    /** The unit's own report (本级). */
    public ReportInputs inputs(String unit, int year, ReportPeriod period) {
        return read(List.of(unit), false, year, period).consolidated();
    }

    /**
     * The department's consolidated report (部门汇总, SPEC §13): see {@link DepartmentInputs}. A department of one
     * unit is that unit's report.
     *
     * @param units the department's units, the unit itself first
     */
    public DepartmentInputs department(List<String> units, int year, ReportPeriod period) {
        if (units.size() == 1) {
            return read(units, false, year, period);
        }
        // The planner expects a few rows from each unit's index scans and sorts them to group them; a department
        // brings tens of thousands, which a hash groups in about half the time (a 200-unit probe: 55–60 ms
        // against 120–140 ms, the sort spilling to disk). The setting lasts for this transaction only.
        return readOnly.execute(status -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return read(units, true, year, period);
        });
    }

    private DepartmentInputs read(List<String> units, boolean consolidating, int year, ReportPeriod period) {
        Date asOf = Date.valueOf(period.asOf());
        Timestamp knownAt = Timestamp.from(period.knownAt());
        String unitsNamed = consolidating ? "the department of unit " + units.get(0) : "unit " + units.get(0);
        List<FactSum> sums = new ArrayList<>();
        List<InternalFlow> flows = new ArrayList<>();
        sums(units, consolidating, year, asOf, knownAt, unitsNamed, sums, flows);
        ReportInputs inputs = new ReportInputs(sums, limitsFen(units, year, asOf, knownAt));
        if (!inputs.summable()) {
            throw beyondWhatReportsSum(unitsNamed, year);
        }
        return new DepartmentInputs(List.copyOf(units), inputs, DepartmentInputs.summed(flows));
    }

    /**
     * The facts of the units kept by the period, summed per dimension, the sums that are zero left out; when
     * consolidating, the internal flows apart (in {@code flows}) and each project named after its unit.
     */
    private void sums(List<String> units, boolean consolidating, int year, Date asOf, Timestamp knownAt, String unitsNamed,
                      List<FactSum> sums, List<InternalFlow> flows) {
        // One statement, so that it sees one state of the read model. For each unit it takes one of two ways (the
        // other's filters are false for that unit before any of its rows is read):
        // - the unit-year has no checkpoint (a replay's scratch model has none, nor a unit-year of fewer facts than a
        //   bucket): its day sums up to asOf, less the facts among them recorded after knownAt;
        // - otherwise its checkpoint nearer knownAt, one row per dimension (the month of asOf's: its facts effective
        //   before the month and those of the month up to asOf), plus the facts recorded between the checkpoint and
        //   knownAt when the checkpoint is earlier, less them when it is later: at most about one bucket, half of one
        //   on average. See FactCheckpoints and CheckpointMonths.
        // A department's units are one array parameter, so that the statement is the same for 1 or 200 units; each
        // unit's rows are read through its own index scans (OFFSET 0 keeps the planner from joining whole tables), the
        // facts from the index on (unit, year, recorded_at) alone, which holds what is summed of them (V15).
        jdbc.sql(SUMS.formatted(schema))
                .param("units", new SqlArrayValue("varchar", units.toArray()))
                .param("consolidating", consolidating)
                .param("year", year).param("asOf", asOf).param("knownAt", knownAt)
                .query(row -> {
                    FactSum sum = factSum(row, unitsNamed, year);
                    String recorder = row.getString("recorder");
                    if (recorder.isEmpty()) {
                        sums.add(sum);
                    } else {
                        flows.add(new InternalFlow(recorder, row.getString("counterparty"), sum.measure(), sum.fund(),
                                sum.kind(), sum.fen()));
                    }
                });
    }

    private static FactSum factSum(ResultSet row, String whose, int year) throws SQLException {
        return new FactSum(Measure.valueOf(row.getString("measure")),
                Fund.valueOf(row.getString("fund")), row.getString("subject"),
                absent(row.getString("kind")) ? null : Kind.valueOf(row.getString("kind")),
                absent(row.getString("economic")) ? null : row.getString("economic"),
                absent(row.getString("project")) ? null : row.getString("project"),
                absent(row.getString("origin")) ? null : LineOrigin.valueOf(row.getString("origin")),
                fen(row.getBigDecimal("fen"), whose, year));
    }

    /** Per category, the units' 三公 limits in force on the period's day, as known at its knownAt, summed. */
    private Map<ThreePublicCategory, Long> limitsFen(List<String> units, int year, Date asOf, Timestamp knownAt) {
        Map<ThreePublicCategory, Long> limits = new EnumMap<>(ThreePublicCategory.class);
        jdbc.sql("""
                        SELECT category, sum(amount_fen) AS amount_fen FROM (
                            SELECT DISTINCT ON (unit, category) unit, category, amount_fen FROM %s.three_public_limit
                            WHERE unit = ANY (:units) AND year = :year AND effective_date <= :asOf AND recorded_at <= :knownAt
                            ORDER BY unit, category, effective_date DESC, sequence DESC) in_force
                        GROUP BY category""".formatted(schema))
                .param("units", new SqlArrayValue("varchar", units.toArray()))
                .param("year", year).param("asOf", asOf).param("knownAt", knownAt)
                .query(row -> {
                    limits.put(ThreePublicCategory.valueOf(row.getString("category")), row.getLong("amount_fen"));
                });
        return limits;
    }

    /** A sum of the database's (a numeric: it never overflows) as a long, if it is one. */
    private static long fen(BigDecimal sum, String whose, int year) {
        if (sum.compareTo(LONG_MIN) < 0 || sum.compareTo(LONG_MAX) > 0) {
            throw beyondWhatReportsSum(whose, year);
        }
        return sum.longValueExact();
    }

    /** @param whose "unit {code}" or "the department of unit {code}" */
    private static ApiProblem beyondWhatReportsSum(String whose, int year) {
        return new ApiProblem(ProblemCode.AMOUNT_LIMIT_EXCEEDED, "the amounts of " + whose + " in " + year
                + " add up to more than a report can sum exactly; they were stored before the ledger limited the"
                + " amounts of a budget year, and no report of this budget year can be computed");
    }
}
