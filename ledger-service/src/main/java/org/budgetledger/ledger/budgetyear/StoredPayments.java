package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.events.PaymentMade;

import java.util.Optional;

/**
 * The payments of a unit-year as the event store holds them: where a refund finds a payment its budget year
 * does not hold in memory (one loaded from a snapshot holds only the payments made after it). Implemented in
 * {@code budgetyear.storage}, so that the rules of a budget year know nothing of how its events are stored.
 */
@FunctionalInterface
public interface StoredPayments {

    /** The {@code PaymentMade} event of payment {@code paymentId} in budget year {@code budgetYearId}, if one was stored. */
    Optional<PaymentMade> find(String budgetYearId, String paymentId);
}
