package org.budgetledger.ledger.units;

import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 预算单位 registered in the ledger: {@code ledger.unit} holds each registration, {@code ledger.unit_change} each
 * change, both written with their events ({@link UnitRegister}).
 */
@Repository
public class Units {

    private final JdbcClient jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units are never removed, so one found is remembered: postings ask for every transaction. */
    public boolean exists(String code) {
        if (known.contains(code)) {
            return true;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM ledger.unit WHERE code = ?").param(code).query(Long.class).single() > 0;
        if (exists) {
            known.add(code);
        }
        return exists;
    }

    /** Every registered unit's code, in order. */
    public List<String> codes() {
        return jdbc.sql("SELECT code FROM ledger.unit ORDER BY code").query(String.class).list();
    }

    /**
     * Every registration and change. A registration's sequence and instant are its event's (sequence 0 of the unit's
     * aggregate); a unit registered before units were events has none until its event is written on start.
     */
    UnitRecords records() {
        var registrations = jdbc.sql("SELECT u.code, u.name, u.parent, u.type, e.globalIndex, coalesce(e.recorded_at, u.created_at) "
                        + "FROM ledger.unit u LEFT JOIN " + EventStoreConfiguration.EVENT_TABLE
                        + " e ON e.aggregateIdentifier = u.code AND e.sequenceNumber = 0")
                .query((row, number) -> new UnitRecords.Registration(row.getString(1), row.getString(2), row.getString(3),
                        UnitType.valueOf(row.getString(4)), (Long) row.getObject(5), row.getTimestamp(6).toInstant()))
                .list();
        var changes = jdbc.sql("SELECT unit, effective_date, name, parent, type, sequence, recorded_at FROM ledger.unit_change")
                .query((row, number) -> new UnitRecords.Change(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3),
                        row.getString(4), row.getString(5) == null ? null : UnitType.valueOf(row.getString(5)), row.getLong(6),
                        row.getTimestamp(7).toInstant()))
                .list();
        return new UnitRecords(registrations, changes);
    }

    /** A version of the records that grows with every registration and change (rows are only ever added). */
    long version() {
        return jdbc.sql("SELECT (SELECT count(*) FROM ledger.unit) + (SELECT count(*) FROM ledger.unit_change)")
                .query(Long.class).single();
    }

    void insert(Unit unit) {
        jdbc.sql("INSERT INTO ledger.unit (code, name, parent, type) VALUES (?, ?, ?, ?)")
                .params(unit.code(), unit.name(), unit.parent(), unit.type().name()).update();
    }

    void insert(UnitRecords.Change change, String principal) {
        jdbc.sql("INSERT INTO ledger.unit_change (sequence, unit, effective_date, name, parent, type, recorded_at, principal) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(change.sequence(), change.unit(), change.effective(), change.name(), change.parent(),
                        change.type() == null ? null : change.type().name(), Timestamp.from(change.recordedAt()), principal)
                .update();
    }
}
