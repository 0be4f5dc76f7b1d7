package org.budgetledger.ledger.units;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** 预算单位 registered in the ledger. */
@Repository
public class Units {

    private final JdbcClient jdbc;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the code was registered already */
    public boolean register(Unit unit) {
        try {
            jdbc.sql("INSERT INTO ledger.unit (code, name) VALUES (?, ?)").params(unit.code(), unit.name()).update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
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

    List<Unit> all() {
        return jdbc.sql("SELECT code, name FROM ledger.unit ORDER BY code").query(Unit.class).list();
    }
}
