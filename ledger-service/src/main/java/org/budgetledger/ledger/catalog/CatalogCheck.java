package org.budgetledger.ledger.catalog;

import org.budgetledger.contracts.catalog.CatalogNames;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.ledger.audit.DerivedTable;
import org.budgetledger.ledger.audit.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verification of {@code ledger.subject} and {@code ledger.economic}: a code of the built-in catalog is borne out by
 * the catalog shipped with this version, any other by its {@code CatalogCodeAdded} event, with the same name; and
 * each such event has its row.
 */
@Component
class CatalogCheck implements DerivedTable {

    private record Seen(long sequence, String eventId, String name) {
    }

    private record CodeRow(String code, String name) {
    }

    private final JdbcClient jdbc;

    CatalogCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Comparison compare() {
        Map<Catalog.Kind, Map<String, Seen>> added = new HashMap<>();
        for (Catalog.Kind kind : Catalog.Kind.values()) {
            added.put(kind, new HashMap<>());
        }
        return new Comparison() {
            @Override
            public Optional<Disagreement> add(List<StoredEvent> events) {
                for (StoredEvent stored : events) {
                    if (stored.event() instanceof CatalogCodeAdded code) {
                        Catalog.Kind kind = Catalog.Kind.valueOf(code.catalog().name());
                        if (added.get(kind).put(code.code(), new Seen(stored.sequence(), stored.eventId(), code.name())) != null) {
                            return Optional.of(new Disagreement(kind.table(), code.code(), stored.sequence(), stored.eventId(),
                                    "event " + stored.sequence() + " adds this code a second time"));
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<Disagreement> finish() {
                return compare(Catalog.Kind.SUBJECTS, CatalogNames.subjects(), added.get(Catalog.Kind.SUBJECTS))
                        .or(() -> compare(Catalog.Kind.ECONOMIC, CatalogNames.economic(), added.get(Catalog.Kind.ECONOMIC)));
            }
        };
    }

    private Optional<Disagreement> compare(Catalog.Kind kind, Map<String, String> builtIn, Map<String, Seen> added) {
        Map<String, Seen> unmatched = new HashMap<>(added);
        for (CodeRow row : jdbc.sql("SELECT code, name FROM ledger." + kind.table() + " ORDER BY code").query(CodeRow.class).list()) {
            Seen seen = unmatched.remove(row.code());
            if (seen == null && !builtIn.containsKey(row.code())) {
                return Optional.of(new Disagreement(kind.table(), row.code(), null, null,
                        "neither the built-in catalog nor a CatalogCodeAdded event bears this code out"));
            }
            // a built-in code's name is the catalog shipped with the version that loaded it, which a later one may word anew
            if (seen != null && !seen.name().equals(row.name())) {
                return Optional.of(new Disagreement(kind.table(), row.code(), seen.sequence(), seen.eventId(),
                        "named " + row.name() + ", its event " + seen.name()));
            }
        }
        return unmatched.entrySet().stream().min(java.util.Comparator.comparingLong(entry -> entry.getValue().sequence()))
                .map(entry -> new Disagreement(kind.table(), entry.getKey(), entry.getValue().sequence(), entry.getValue().eventId(),
                        "missing: event " + entry.getValue().sequence() + " adds this code, but the table has no row for it"));
    }
}
