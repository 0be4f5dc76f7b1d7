package org.budgetledger.ledger.commitment;

import org.budgetledger.contracts.events.LedgerEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of commitments that one commit stores, written with one batched statement per kind: the rows it
 * makes, then per column each commitment's moves summed, then the marks of those carried over. The table ends as if
 * each change had been written in turn: a commitment is made before anything moves it, and moves add up.
 * Written with the budget lines' changes, by the same view ({@code budgetline.BudgetLineView}).
 */
public final class CommitmentWrites {

    private static final String INSERT = """
            INSERT INTO ledger.commitment (unit, year, id, line_id, made_on, amount_fen, contract, payee, schedule,
                carried_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";

    private record Key(String unit, int year, String id) {
    }

    private final List<Object[]> made = new ArrayList<>();
    private final Map<CommitmentChanges.Column, Map<Key, Long>> moved = new EnumMap<>(CommitmentChanges.Column.class);
    private final List<Object[]> carried = new ArrayList<>();

    public void add(LedgerEvent event) {
        for (CommitmentChanges.CommitmentChange change : CommitmentChanges.of(event)) {
            if (change instanceof CommitmentChanges.Made row) {
                made.add(new Object[]{row.unit(), row.year(), row.id(), row.lineId(), Date.valueOf(row.madeOn()),
                        row.amountFen(), row.contract(), row.payee(), CommitmentChanges.scheduleJson(row.schedule()),
                        row.carriedFrom()});
            } else if (change instanceof CommitmentChanges.Moved move) {
                moved.computeIfAbsent(move.column(), column -> new LinkedHashMap<>())
                        .merge(new Key(move.unit(), move.year(), move.id()), move.deltaFen(), Long::sum);
            } else if (change instanceof CommitmentChanges.CarriedInto mark) {
                carried.add(new Object[]{mark.intoYear(), mark.unit(), mark.year(), mark.id()});
            }
        }
    }

    /** Writes the changes added so far, and forgets them. */
    public void write(JdbcTemplate jdbc) {
        if (!made.isEmpty()) {
            jdbc.batchUpdate(INSERT, made);
            made.clear();
        }
        for (Map.Entry<CommitmentChanges.Column, Map<Key, Long>> column : moved.entrySet()) {
            List<Key> keys = new ArrayList<>(column.getValue().keySet());
            String name = column.getKey().name;
            check(jdbc.batchUpdate("UPDATE ledger.commitment SET " + name + " = " + name
                            + " + ? WHERE unit = ? AND year = ? AND id = ?",
                    keys.stream().map(key -> new Object[]{column.getValue().get(key), key.unit(), key.year(), key.id()}).toList()),
                    keys.stream().map(Key::toString).toList());
        }
        moved.clear();
        if (!carried.isEmpty()) {
            check(jdbc.batchUpdate("UPDATE ledger.commitment SET carried_into = ? WHERE unit = ? AND year = ? AND id = ?",
                    carried), carried.stream().map(mark -> mark[1] + "/" + mark[2] + "/" + mark[3]).toList());
            carried.clear();
        }
    }

    private static void check(int[] updated, List<String> rows) {
        for (int index = 0; index < updated.length; index++) {
            if (updated[index] != 1) {
                throw new IllegalStateException("commitment " + rows.get(index) + " is missing from the view");
            }
        }
    }
}
