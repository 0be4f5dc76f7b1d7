package org.budgetledger.ledger.catalog;

import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.ledger.eventstore.RegistryEventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 支出功能分类 and 经济分类 codes the ledger accepts: the built-in catalog, and the codes added through the API, each
 * with its event (SPEC §12). Codes are only ever added, so a code once found
 * is remembered; a code not found is looked up again next time (another instance may have added it).
 */
@Repository
public class Catalog {

    public enum Kind {
        SUBJECTS("ledger.subject", CatalogKind.SUBJECTS), ECONOMIC("ledger.economic", CatalogKind.ECONOMIC);

        private final String table;
        private final CatalogKind events;

        Kind(String table, CatalogKind events) {
            this.table = table;
            this.events = events;
        }

        /** The table, as verification names it. */
        String table() {
            return table.substring(table.indexOf('.') + 1);
        }

        /** The catalog as its events name it. */
        public CatalogKind events() {
            return events;
        }
    }

    private final JdbcClient jdbc;
    private final Set<String> knownSubjects = ConcurrentHashMap.newKeySet();
    private final Set<String> knownEconomic = ConcurrentHashMap.newKeySet();

    private final RegistryEventLog events;
    private final TransactionTemplate transaction;

    Catalog(JdbcClient jdbc, RegistryEventLog events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
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

    /**
     * Adds the code and its {@link CatalogCodeAdded} event in one transaction, under the registers' lock.
     *
     * @return the event's sequence, or empty when the code exists already (nothing stored)
     */
    Optional<Long> add(Kind kind, CatalogEntry entry, String principal) {
        return transaction.execute(status -> {
            events.lockRegisters();
            if (exists(kind, entry.code())) {
                return Optional.empty();
            }
            jdbc.sql("INSERT INTO " + kind.table + " (code, name) VALUES (?, ?)").params(entry.code(), entry.name()).update();
            return Optional.of(events.append(new CatalogCodeAdded(kind.events(), entry.code(), entry.name(), principal)).sequence());
        });
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
