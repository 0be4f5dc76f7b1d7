package org.budgetledger.ledger.budgetyear;

import java.util.Optional;

/**
 * The payments of a unit-year as the event store holds them: where a refund finds a payment its budget year
 * does not hold in memory (one loaded from a snapshot holds only the payments made after it).
 */
@FunctionalInterface
interface StoredPayments {

    /** The payment {@code paymentId} of the budget year {@code budgetYearId}, if one was stored. */
    Optional<Payment> find(String budgetYearId, String paymentId);
}
