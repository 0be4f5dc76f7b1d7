package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What execution monitoring (SPEC §14) reads from the read model beyond a report's summed facts: each budget line's
 * figures, and the movements of the commitments.
 */
public class MonitoringQueries {

    private final JdbcClient jdbc;
    private final String schema;

    public MonitoringQueries(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /**
     * Each line's figures at the period, in {@link LineFigures#ORDER}; see {@link LineFigures#of}, the reference.
     * The facts of the units' lines are summed straight from the facts (by their recording time, as the index
     * keeps them): a unit-year's lines are few, but its facts are many, so this reads about as many rows as the
     * unit-years hold facts up to knownAt. The sums fit a long: the report the caller read first checked that all
     * the units' amounts together do ({@link ReportInputs#summable}).
     *
     * @param units the department's units, the unit itself first (one unit: its own figures, nothing left out)
     */
    public List<LineFigures> lines(List<String> units, int year, ReportPeriod period) {
        return jdbc.sql("""
                        SELECT unit, line_id, min(fund) AS fund, min(subject) AS subject, min(kind) AS kind,
                               min(project) AS project, min(origin) AS origin,
                               coalesce(sum(amount_fen) FILTER (WHERE measure IN ('BUDGET', 'ADJUSTMENT')), 0)::bigint AS budget_fen,
                               coalesce(sum(amount_fen) FILTER (WHERE measure = 'EXPENDITURE'), 0)::bigint AS paid_fen,
                               coalesce(sum(amount_fen) FILTER (WHERE measure = 'COMMITTED'), 0)::bigint AS committed_fen
                        FROM %s.fact
                        WHERE unit = ANY (:units) AND year = :year AND line_id IS NOT NULL
                          AND recorded_at <= :knownAt AND effective_date <= :asOf
                          -- InternalFlow.isInternal: a payment between two units of the department is left out
                          AND NOT coalesce(:consolidating AND measure = 'EXPENDITURE' AND counterparty = ANY (:units)
                                           AND kind IN ('SUBSIDY_AFFILIATE', 'REMIT_SUPERIOR'), false)
                        GROUP BY unit, line_id
                        ORDER BY unit, line_id""".formatted(schema))
                .param("units", new SqlArrayValue("varchar", units.toArray()))
                .param("consolidating", units.size() > 1)
                .param("year", year)
                .param("asOf", Date.valueOf(period.asOf()))
                .param("knownAt", Timestamp.from(period.knownAt()))
                .query((row, number) -> new LineFigures(row.getString("unit"), row.getString("line_id"),
                        Fund.valueOf(row.getString("fund")), row.getString("subject"),
                        row.getString("kind") == null ? null : Kind.valueOf(row.getString("kind")), row.getString("project"),
                        row.getString("origin") == null ? null : LineOrigin.valueOf(row.getString("origin")),
                        row.getLong("budget_fen"), row.getLong("paid_fen"), row.getLong("committed_fen")))
                .list();
    }

    /**
     * The movements of the units' commitments in the year recorded by {@code knownAt}, of any effective date (a
     * caller asks about several asOf dates, {@link CommitmentMovement#keptBy}), in order of sequence.
     */
    public List<CommitmentMovement> movements(List<String> units, int year, Instant knownAt) {
        List<CommitmentMovement> rows = jdbc.sql("""
                        SELECT m.sequence, m.unit, m.year, m.commitment, m.type, m.effective_date, m.recorded_at, m.line_id,
                               m.project, m.amount_fen, m.contract, m.payee, s.due_date, s.amount_fen AS due_fen
                        FROM %1$s.commitment_movement m
                        -- a carry-over's schedule is its carried-in movement's, not the one it leaves the closed year by
                        LEFT JOIN %1$s.commitment_schedule s ON s.sequence = m.sequence AND m.type <> 'CARRIED_OUT'
                        WHERE m.unit = ANY (:units) AND m.year = :year AND m.recorded_at <= :knownAt
                        ORDER BY m.sequence, s.position""".formatted(schema))
                .param("units", new SqlArrayValue("varchar", units.toArray()))
                .param("year", year)
                .param("knownAt", Timestamp.from(knownAt))
                // a row per scheduled payment (or one without, for a movement of no schedule), folded below
                .query((row, number) -> {
                    LocalDate due = row.getObject("due_date", LocalDate.class);
                    return new CommitmentMovement(row.getLong("sequence"), row.getString("unit"), row.getInt("year"),
                            row.getString("commitment"), CommitmentMovement.Type.valueOf(row.getString("type")),
                            row.getObject("effective_date", LocalDate.class), row.getTimestamp("recorded_at").toInstant(),
                            row.getString("line_id"), row.getString("project"), row.getLong("amount_fen"),
                            row.getString("contract"), row.getString("payee"),
                            due == null ? List.of() : List.of(new CommitmentMovement.Due(due, row.getLong("due_fen"))));
                })
                .list();
        List<CommitmentMovement> movements = new ArrayList<>();
        for (CommitmentMovement row : rows) {
            CommitmentMovement last = movements.isEmpty() ? null : movements.get(movements.size() - 1);
            if (last != null && last.sequence() == row.sequence()) {
                List<CommitmentMovement.Due> schedule = new ArrayList<>(last.schedule());
                schedule.addAll(row.schedule());
                movements.set(movements.size() - 1, last.withSchedule(schedule));
            } else {
                movements.add(row);
            }
        }
        return movements;
    }
}
