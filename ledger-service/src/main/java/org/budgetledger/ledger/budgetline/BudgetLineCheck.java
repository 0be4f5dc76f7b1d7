package org.budgetledger.ledger.budgetline;

import org.budgetledger.ledger.audit.DerivedTable;
import org.budgetledger.ledger.audit.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification of {@code ledger.budget_line}, which {@code GET /api/v1/budget-lines} answers from: every line
 * the events open has a row, every row a line, and each row holds what folding the events
 * ({@link LineChanges}) gives. The lines are folded in memory (a few hundred bytes each: bounded by the
 * lines, not by the events), and the rows read a page at a time.
 */
@Component
class BudgetLineCheck implements DerivedTable {

    static final String TABLE = "budget_line";
    private static final int ROWS_PAGE = 1000;

    /** A line as the events make it, and the last event that changed it. */
    private static final class Folded {
        private final LineChanges.Opened opened;
        private long adjustmentsFen;
        private long paidFen;
        private long committedFen;
        private long lastSequence;
        private String lastEventId;

        Folded(LineChanges.Opened opened) {
            this.opened = opened;
        }
    }

    /** A row of the table. */
    record Row(String id, String unit, int year, String fund, String subject, String kind, String project, String economic,
               String origin, java.time.LocalDate createdOn, long initialFen, long adjustmentsFen, long paidFen,
               long committedFen) {
    }

    private final JdbcClient jdbc;

    BudgetLineCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Comparison compare() {
        Map<LineKey, Folded> lines = new HashMap<>();
        return new Comparison() {
            @Override
            public Optional<Disagreement> add(List<StoredEvent> events) {
                for (StoredEvent event : events) {
                    for (LineChanges.LineChange change : LineChanges.of(event.ledgerEvent())) {
                        Optional<Disagreement> problem = fold(lines, change, event);
                        if (problem.isPresent()) {
                            return problem;
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<Disagreement> finish() {
                return compareRows(lines);
            }
        };
    }

    private static Optional<Disagreement> fold(Map<LineKey, Folded> lines, LineChanges.LineChange change, StoredEvent event) {
        Folded line;
        if (change instanceof LineChanges.Opened opened) {
            LineKey key = new LineKey(opened.unit(), opened.lineId());
            if (lines.containsKey(key)) {
                return Optional.of(new Disagreement(TABLE, Disagreement.row(opened.unit(), opened.lineId()), event.sequence(), event.eventId(),
                        "event " + event.sequence() + " opens this line a second time", opened.unit()));
            }
            line = new Folded(opened);
            lines.put(key, line);
        } else {
            LineChanges.Moved moved = (LineChanges.Moved) change;
            line = lines.get(new LineKey(event.unit(), moved.lineId()));
            if (line == null) {
                return Optional.of(new Disagreement(TABLE, Disagreement.row(event.unit(), moved.lineId()), event.sequence(), event.eventId(),
                        "event " + event.sequence() + " changes this line, which no event before it opened", event.unit()));
            }
            switch (moved.column()) {
                case PAID -> line.paidFen = Math.addExact(line.paidFen, moved.deltaFen());
                case COMMITTED -> line.committedFen = Math.addExact(line.committedFen, moved.deltaFen());
                case ADJUSTMENTS -> line.adjustmentsFen = Math.addExact(line.adjustmentsFen, moved.deltaFen());
            }
        }
        line.lastSequence = event.sequence();
        line.lastEventId = event.eventId();
        return Optional.empty();
    }

    /** Line ids are unique per unit (SPEC §4 v2): a line is its unit's and its id's. */
    private record LineKey(String unit, String id) {
    }

    /** The rows a page at a time in key order, each against its folded line; then the lines without a row. */
    private Optional<Disagreement> compareRows(Map<LineKey, Folded> lines) {
        LineKey after = new LineKey("", "");
        for (List<Row> page = rows(after); !page.isEmpty(); page = rows(after)) {
            for (Row row : page) {
                Folded line = lines.remove(new LineKey(row.unit(), row.id()));
                if (line == null) {
                    return Optional.of(new Disagreement(TABLE, Disagreement.row(row.unit(), row.id()), null, null,
                            "no event opened this line", row.unit()));
                }
                Optional<String> difference = difference(row, line);
                if (difference.isPresent()) {
                    return Optional.of(new Disagreement(TABLE, Disagreement.row(row.unit(), row.id()), line.lastSequence,
                            line.lastEventId, difference.get(), row.unit()));
                }
            }
            Row last = page.get(page.size() - 1);
            after = new LineKey(last.unit(), last.id());
        }
        return lines.values().stream().min(Comparator.comparing((Folded line) -> line.opened.lineId())
                        .thenComparing(line -> line.opened.unit()))
                .map(line -> new Disagreement(TABLE, Disagreement.row(line.opened.unit(), line.opened.lineId()),
                        line.lastSequence, line.lastEventId,
                        "missing: the events open this line, but the table has no row for it", line.opened.unit()));
    }

    private List<Row> rows(LineKey after) {
        return jdbc.sql("""
                        SELECT id, unit, year, fund, subject, kind, project, economic, origin, created_on, initial_fen,
                            adjustments_fen, paid_fen, committed_fen
                        FROM ledger.budget_line WHERE (id, unit) > (?, ?) ORDER BY id, unit LIMIT ?""")
                .params(after.id(), after.unit(), ROWS_PAGE).query(Row.class).list();
    }

    private static Optional<String> difference(Row row, Folded line) {
        LineChanges.Opened opened = line.opened;
        Object[][] columns = {
                {"unit", row.unit(), opened.unit()},
                {"year", row.year(), opened.year()},
                {"fund", row.fund(), opened.fund().name()},
                {"subject", row.subject(), opened.subject()},
                {"kind", row.kind(), opened.kind() == null ? null : opened.kind().name()},
                {"project", row.project(), opened.project()},
                {"economic", row.economic(), opened.economic()},
                {"origin", row.origin(), opened.origin().name()},
                {"created_on", row.createdOn(), opened.createdOn()},
                {"initial_fen", row.initialFen(), opened.initialFen()},
                {"adjustments_fen", row.adjustmentsFen(), line.adjustmentsFen},
                {"paid_fen", row.paidFen(), line.paidFen},
                {"committed_fen", row.committedFen(), line.committedFen}};
        for (Object[] column : columns) {
            if (!Objects.equals(column[1], column[2])) {
                return Optional.of(column[0] + " is " + column[1] + ", but its events make it " + column[2]);
            }
        }
        return Optional.empty();
    }
}
