package org.budgetledger.contracts.events;

import java.time.LocalDate;

/**
 * An event of the ledger: the immutable outcome of one accepted budget transaction. Every event carries
 * what a consumer needs without looking anything up (the dimensions of the line it concerns, amounts).
 */
public sealed interface LedgerEvent extends RecordedEvent permits BudgetAppropriated, BudgetAdjusted, BudgetTransferred, PaymentMade,
        PaymentRefunded, IncomeReceived, OpeningBalanceRecorded, ReserveUsed, SurplusDistributed, ThreePublicLimitSet,
        YearClosed, BalancesCarriedIn, CommitmentMade, CommitmentReleased, CommitmentCarriedOver {

    /** The client-chosen id of the transaction that produced this event (its idempotency key). */
    String transactionId();

    String unit();

    int year();

    /** 业务日期: the date the transaction takes effect, which reports filter with {@code asOf}. */
    LocalDate effectiveDate();

    /** Who posted the transaction. */
    @Override
    String principal();
    /** The transaction's memo and voucher number as posted, if any. */
    String memo();
    String voucher();

    /** {@code "{unit}:{year}"}: all of a budget year's events go to one partition, in order. */
    @Override
    default String key() {
        return unit() + ":" + year();
    }
}
