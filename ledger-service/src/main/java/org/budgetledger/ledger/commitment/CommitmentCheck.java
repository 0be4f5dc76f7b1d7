package org.budgetledger.ledger.commitment;

import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.ledger.audit.DerivedTable;
import org.budgetledger.ledger.audit.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification of {@code ledger.commitment}, which {@code GET /api/v1/commitments} answers from: every commitment the
 * events make (or carry over) has a row, every row a commitment, and each row holds what folding the events
 * ({@link CommitmentChanges}) gives. Folded in memory (bounded by the commitments, not by the events), the rows read
 * a page at a time.
 */
@Component
class CommitmentCheck implements DerivedTable {

    static final String TABLE = "commitment";
    private static final int ROWS_PAGE = 1000;

    /** A commitment's row as the events make it, and the last event that changed it. */
    private static final class Folded {
        private final CommitmentChanges.Made made;
        private long paidFen;
        private long releasedFen;
        private Integer carriedInto;
        private long lastSequence;
        private String lastEventId;

        Folded(CommitmentChanges.Made made) {
            this.made = made;
        }
    }

    /** A row of the table. */
    record Row(String unit, int year, String id, String lineId, LocalDate madeOn, long amountFen, long paidFen,
               long releasedFen, String contract, String payee, String schedule, Integer carriedFrom, Integer carriedInto) {
    }

    private record Key(String unit, int year, String id) {
        String shown() {
            return unit + "/" + year + "/" + id;
        }
    }

    private final JdbcClient jdbc;

    CommitmentCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Comparison compare() {
        Map<Key, Folded> commitments = new HashMap<>();
        return new Comparison() {
            @Override
            public Optional<Disagreement> add(List<StoredEvent> events) {
                for (StoredEvent event : events) {
                    if (event.ledgerEvent() == null) {
                        continue; // a registry event (SPEC §12)
                    }
                    for (CommitmentChanges.CommitmentChange change : CommitmentChanges.of(event.ledgerEvent())) {
                        Optional<Disagreement> problem = fold(commitments, change, event);
                        if (problem.isPresent()) {
                            return problem;
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<Disagreement> finish() {
                return compareRows(commitments);
            }
        };
    }

    private static Optional<Disagreement> fold(Map<Key, Folded> commitments, CommitmentChanges.CommitmentChange change,
                                               StoredEvent event) {
        Key key = new Key(change.unit(), change.year(), change.id());
        Folded commitment = commitments.get(key);
        if (change instanceof CommitmentChanges.Made made) {
            if (commitment != null) {
                return Optional.of(new Disagreement(TABLE, key.shown(), event.sequence(), event.eventId(),
                        "event " + event.sequence() + " makes this commitment a second time", key.unit()));
            }
            commitment = new Folded(made);
            commitments.put(key, commitment);
        } else if (commitment == null) {
            return Optional.of(new Disagreement(TABLE, key.shown(), event.sequence(), event.eventId(),
                    "event " + event.sequence() + " changes this commitment, which no event before it made", key.unit()));
        } else if (change instanceof CommitmentChanges.Moved moved) {
            if (moved.column() == CommitmentChanges.Column.PAID) {
                commitment.paidFen = Math.addExact(commitment.paidFen, moved.deltaFen());
            } else {
                commitment.releasedFen = Math.addExact(commitment.releasedFen, moved.deltaFen());
            }
        } else if (change instanceof CommitmentChanges.CarriedInto carried) {
            commitment.carriedInto = carried.intoYear();
        }
        commitment.lastSequence = event.sequence();
        commitment.lastEventId = event.eventId();
        return Optional.empty();
    }

    /** The rows a page at a time in key order, each against its folded commitment; then those without a row. */
    private Optional<Disagreement> compareRows(Map<Key, Folded> commitments) {
        Key after = new Key("", 0, "");
        for (List<Row> page = rows(after); !page.isEmpty(); page = rows(after)) {
            for (Row row : page) {
                Key key = new Key(row.unit(), row.year(), row.id());
                Folded commitment = commitments.remove(key);
                if (commitment == null) {
                    return Optional.of(new Disagreement(TABLE, key.shown(), null, null, "no event made this commitment", key.unit()));
                }
                Optional<String> difference = difference(row, commitment);
                if (difference.isPresent()) {
                    return Optional.of(new Disagreement(TABLE, key.shown(), commitment.lastSequence,
                            commitment.lastEventId, difference.get(), key.unit()));
                }
            }
            Row last = page.get(page.size() - 1);
            after = new Key(last.unit(), last.year(), last.id());
        }
        return commitments.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<Key, Folded> entry) -> entry.getKey().shown()))
                .map(entry -> new Disagreement(TABLE, entry.getKey().shown(), entry.getValue().lastSequence,
                        entry.getValue().lastEventId, "missing: the events make this commitment, but the table has no row for it",
                        entry.getKey().unit()));
    }

    private List<Row> rows(Key after) {
        return jdbc.sql("""
                        SELECT unit, year, id, line_id, made_on, amount_fen, paid_fen, released_fen, contract, payee,
                            schedule::text AS schedule, carried_from, carried_into
                        FROM ledger.commitment WHERE (unit, year, id) > (?, ?, ?) ORDER BY unit, year, id LIMIT ?""")
                .params(after.unit(), after.year(), after.id(), ROWS_PAGE).query(Row.class).list();
    }

    private static Optional<String> difference(Row row, Folded commitment) {
        CommitmentChanges.Made made = commitment.made;
        List<ScheduledPayment> schedule = CommitmentChanges.schedule(row.schedule());
        Object[][] columns = {
                {"line_id", row.lineId(), made.lineId()},
                {"made_on", row.madeOn(), made.madeOn()},
                {"amount_fen", row.amountFen(), made.amountFen()},
                {"paid_fen", row.paidFen(), commitment.paidFen},
                {"released_fen", row.releasedFen(), commitment.releasedFen},
                {"contract", row.contract(), made.contract()},
                {"payee", row.payee(), made.payee()},
                {"schedule", schedule, made.schedule()},
                {"carried_from", row.carriedFrom(), made.carriedFrom()},
                {"carried_into", row.carriedInto(), commitment.carriedInto}};
        for (Object[] column : columns) {
            if (!Objects.equals(column[1], column[2])) {
                return Optional.of(column[0] + " is " + column[1] + ", but its events make it " + column[2]);
            }
        }
        return Optional.empty();
    }
}
