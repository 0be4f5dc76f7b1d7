package org.budgetledger.ledger.catalog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 支出功能分类 and 经济分类 codes the ledger accepts. Codes are only ever added, so a code once found
 * is remembered; a code not found is looked up again next time (another instance may have added it).
 */
@Repository
public class Catalog {

    public enum Kind {
        SUBJECTS("ledger.subject"), ECONOMIC("ledger.economic");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final JdbcClient jdbc;
    private final Set<String> knownSubjects = ConcurrentHashMap.newKeySet();
    private final Set<String> knownEconomic = ConcurrentHashMap.newKeySet();

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasSubject(String code) {
        return has(Kind.SUBJECTS, code, knownSubjects);
    }

    public boolean hasEconomic(String code) {
        return has(Kind.ECONOMIC, code, knownEconomic);
    }

    List<CatalogEntry> all(Kind kind) {
        return jdbc.sql("SELECT code, name FROM " + kind.table + " ORDER BY code").query(CatalogEntry.class).list();
    }

    boolean exists(Kind kind, String code) {
        return jdbc.sql("SELECT count(*) FROM " + kind.table + " WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    /** @return false when the code exists already */
    boolean add(Kind kind, CatalogEntry entry) {
        try {
            jdbc.sql("INSERT INTO " + kind.table + " (code, name) VALUES (?, ?)").params(entry.code(), entry.name()).update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private boolean has(Kind kind, String code, Set<String> known) {
        if (known.contains(code)) {
            return true;
        }
        boolean exists = exists(kind, code);
        if (exists) {
            known.add(code);
        }
        return exists;
    }
}
