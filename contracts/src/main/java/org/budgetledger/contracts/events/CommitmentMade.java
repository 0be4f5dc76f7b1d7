package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * 用款冻结 (SPEC §14): {@code amount} of a budget line promised to a contract, no longer available to other payments.
 * The commitment's id is the transaction id. The line's dimensions are carried as on every payment so that a consumer
 * needs no lookup. {@code contract} and {@code payee} are optional; {@code schedule} lists the expected payments,
 * earliest first, summing to {@code amount} (empty when none was given).
 */
public record CommitmentMade(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project,
        Money amount, String contract, String payee, List<ScheduledPayment> schedule) implements LedgerEvent {
}
