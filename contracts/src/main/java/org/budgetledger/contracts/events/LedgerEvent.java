package org.budgetledger.contracts.events;

import java.time.LocalDate;

/**
 * An event of the ledger: the immutable outcome of one accepted budget transaction. Every event carries
 * what a consumer needs without looking anything up (the dimensions of the line it concerns, amounts).
 */
public sealed interface LedgerEvent permits BudgetAppropriated, BudgetAdjusted, BudgetTransferred, PaymentMade,
        PaymentRefunded, IncomeReceived, OpeningBalanceRecorded, ReserveUsed, SurplusDistributed, ThreePublicLimitSet,
        YearClosed, BalancesCarriedIn {

    /** The client-chosen id of the transaction that produced this event (its idempotency key). */
    String transactionId();

    String unit();

    int year();

    /** 业务日期: the date the transaction takes effect, which reports filter with {@code asOf}. */
    LocalDate effectiveDate();

    /** Who posted the transaction. */
    String principal();
    /** The transaction's memo and voucher number as posted, if any. */
    String memo();
    String voucher();

    /** The event's name as it appears in {@code type} and in the CloudEvents type {@code budgetledger.<name>.v1}. */
    default String eventName() {
        return getClass().getSimpleName();
    }
}
