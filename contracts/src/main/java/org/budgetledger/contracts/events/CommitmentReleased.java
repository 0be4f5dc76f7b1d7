package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/**
 * 解冻 (SPEC §14): {@code amount} of commitment {@code commitment}'s open remainder returned to its line's available.
 * A partial release removes the latest scheduled payments, so a consumer that knows the schedule, the payments and
 * the releases of a commitment knows its open schedule at any date without further fields.
 */
public record CommitmentReleased(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String commitment, String lineId, LineOrigin origin, Fund fund, String subject, Kind kind, String project,
        Money amount) implements LedgerEvent {
}
