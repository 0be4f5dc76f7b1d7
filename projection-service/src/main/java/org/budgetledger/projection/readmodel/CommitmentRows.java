package org.budgetledger.projection.readmodel;

import org.budgetledger.platform.jdbc.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a delivery's new events add about commitments (SPEC §14): a movement per event that makes, carries in,
 * pays under or releases one, and the schedule of each made or carried-in commitment. {@link CommitmentQueries}
 * reads them back at any (asOf, knownAt).
 */
final class CommitmentRows {

    private final ColumnArrays movements = new ColumnArrays("bigint", "varchar", "int", "varchar", "varchar", "date",
            "timestamptz", "varchar", "varchar", "bigint", "varchar", "varchar");
    private final ColumnArrays schedules = new ColumnArrays("bigint", "int", "date", "bigint");

    void add(CommitmentMovement movement) {
        movements.add(movement.sequence(), movement.unit(), movement.year(), movement.commitment(), movement.type().name(),
                movement.effectiveDate().toString(), movement.recordedAt().toString(), movement.lineId(),
                movement.project(), movement.amountFen(), movement.contract(), movement.payee());
        for (int position = 0; position < movement.schedule().size(); position++) {
            CommitmentMovement.Due due = movement.schedule().get(position);
            schedules.add(movement.sequence(), position, due.date().toString(), due.fen());
        }
    }

    /** The sequence is the key: the writer adds only events it had not applied, so nothing is written twice. */
    void write(JdbcTemplate jdbc, String schema) {
        if (!movements.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.commitment_movement (sequence, unit, year, commitment, type, effective_date, recorded_at,
                        line_id, project, amount_fen, contract, payee)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(schema), movements.arrays());
        }
        if (!schedules.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.commitment_schedule (sequence, position, due_date, amount_fen)
                    SELECT * FROM unnest(?, ?, ?, ?)""".formatted(schema), schedules.arrays());
        }
    }
}
