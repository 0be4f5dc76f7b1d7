package org.budgetledger.ledger.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.catalog.CatalogNames;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.UnitRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On start, before the ledger takes requests: every unit and every catalog code added through the API that was stored
 * before they were events (SPEC §12) gets its event, so that an existing data directory keeps working and the
 * projection learns its units' and codes' names. Idempotent: a unit with an event of its own, a code with its
 * {@link CatalogCodeAdded}, or a code of the built-in catalog (which has no events) gets none; all of it in one
 * transaction under the registers' lock, so two instances starting together write each event once. Principal
 * {@value #PRINCIPAL}; the events are chained and sealed like any other.
 */
@Component
class RegistryEventsBackfill implements SmartInitializingSingleton {

    static final String PRINCIPAL = "migration";
    private static final Logger log = LoggerFactory.getLogger(RegistryEventsBackfill.class);

    private record UnitRow(String code, String name, String parent, String type) {
    }

    private record CodeRow(String code, String name) {
    }

    private final RegistryEventLog events;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    RegistryEventsBackfill(RegistryEventLog events, JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** @return how many events were written */
    int run() {
        Integer written = transaction.execute(status -> {
            events.lockRegisters();
            return units() + codes(CatalogKind.SUBJECTS, "ledger.subject", CatalogNames.subjects())
                    + codes(CatalogKind.ECONOMIC, "ledger.economic", CatalogNames.economic());
        });
        if (written != null && written > 0) {
            log.info("event=registry_events_migrated events={}", written);
        }
        return written == null ? 0 : written;
    }

    /** Units without an event, parents before their units (a parent is registered first). */
    private int units() {
        List<UnitRow> missing = jdbc.sql("SELECT code, name, parent, type FROM ledger.unit u WHERE NOT EXISTS (SELECT 1 FROM "
                        + EventStoreConfiguration.EVENT_TABLE + " e WHERE e.aggregateIdentifier = u.code) ORDER BY created_at, code")
                .query(UnitRow.class).list();
        for (UnitRow unit : missing) {
            RegistryEventLog.Appended appended = events.append(new UnitRegistered(unit.code(), unit.name(), unit.parent(),
                    UnitType.valueOf(unit.type()), PRINCIPAL));
            log.info("event=unit_registered unit={} parent={} type={} sequence={} principal={}", unit.code(), unit.parent(),
                    unit.type(), appended.sequence(), PRINCIPAL);
        }
        return missing.size();
    }

    private int codes(CatalogKind kind, String table, Map<String, String> builtIn) {
        String aggregate = new CatalogCodeAdded(kind, "", "", "").key();
        Set<String> withEvents = new HashSet<>();
        jdbc.sql("SELECT payload FROM " + EventStoreConfiguration.EVENT_TABLE + " WHERE aggregateIdentifier = ?").param(aggregate)
                .query((row, number) -> row.getBytes(1)).list()
                .forEach(payload -> withEvents.add(codeOf(payload, aggregate)));
        List<CodeRow> missing = jdbc.sql("SELECT code, name FROM " + table + " ORDER BY code").query(CodeRow.class).list().stream()
                .filter(code -> !builtIn.containsKey(code.code()) && !withEvents.contains(code.code())).toList();
        for (CodeRow code : missing) {
            RegistryEventLog.Appended appended = events.append(new CatalogCodeAdded(kind, code.code(), code.name(), PRINCIPAL));
            log.info("event=catalog_code_added catalog={} code={} sequence={} principal={}", kind, code.code(),
                    appended.sequence(), PRINCIPAL);
        }
        return missing.size();
    }

    /** A damaged payload must not stop the ledger from starting: verification names it; its code is written again. */
    private String codeOf(byte[] payload, String aggregate) {
        try {
            return json.readTree(payload).path("code").asText();
        } catch (IOException unreadable) {
            log.warn("event=registry_event_unreadable aggregate={} problem=\"{}\"", aggregate, unreadable.getMessage());
            return null;
        }
    }
}
