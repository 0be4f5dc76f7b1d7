package org.budgetledger.ledger.decision;

import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.contracts.events.LedgerEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a budget year decides about one transaction: accepted, with the events it applies (and the budget line
 * it creates, if any), or rejected, with the {@link Rejection} that says why; nothing is applied then. A value,
 * never an exception: a rejection is an ordinary outcome, and an exception would roll back the unit of work
 * and evict the budget year from Axon's cache.
 */
public sealed interface Decision {

    /** @param lineId the budget line the transaction creates, or null */
    record Accepted(List<LedgerEvent> events, String lineId) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static Decision accepted(String lineId, LedgerEvent event) {
        return new Accepted(List.of(event), lineId);
    }

    static Decision rejected(Rejection rejection) {
        return new Rejected(rejection);
    }

    /** Rejected by the first rejection found, else {@code accepted}'s decision (only then asked for). */
    static Decision unless(Optional<Rejection> rejection, Supplier<Decision> accepted) {
        return rejection.isPresent() ? new Rejected(rejection.get()) : accepted.get();
    }
}
