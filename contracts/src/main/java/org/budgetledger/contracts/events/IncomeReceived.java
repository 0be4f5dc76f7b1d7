package org.budgetledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 非财政拨款收入: money of a non-fiscal fund received at a subject. {@code counterparty} (SPEC §13) is the unit
 * that paid it, for 上级补助收入 and 附属单位上缴收入; absent otherwise, and then absent from the stored JSON.
 */
public record IncomeReceived(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        Fund fund, String subject, Money amount,
        @JsonInclude(JsonInclude.Include.NON_NULL) String counterparty) implements LedgerEvent {

    /** Income from outside the ledger's units. */
    public IncomeReceived(String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
                          String memo, String voucher, Fund fund, String subject, Money amount) {
        this(transactionId, unit, year, effectiveDate, principal, memo, voucher, fund, subject, amount, null);
    }
}
