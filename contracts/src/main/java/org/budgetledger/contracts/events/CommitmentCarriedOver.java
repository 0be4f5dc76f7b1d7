package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * 年终结转 of an open commitment (SPEC §14), in the next year (dated 1 January): commitment {@code commitment} of line
 * {@code fromLineId} in {@code fromYear} continues, with the same id and its open remainder {@code amount}, on the
 * carry-in line {@code lineId}, with the rest of its schedule (dates of the closed year moved to 1 January).
 *
 * <p>Version 2 ({@link EventVersions}) carries {@code fromOrigin}, the origin of the closed year's line, which tells
 * the part of that year's execution report the commitment leaves (SPEC §6: {@code current_fiscal} or
 * {@code carried_in}); version 1 left the reader to infer it from the line's id, which cannot tell an {@code OPENING}
 * line (期初) from an appropriated one. A stored version 1 is read through {@link CommitmentCarriedOverFromOrigin}.
 */
public record CommitmentCarriedOver(
        String transactionId, String unit, int year, LocalDate effectiveDate, String principal,
        String memo, String voucher,
        String commitment, int fromYear, String fromLineId, LineOrigin fromOrigin, String lineId, Fund fund, String subject,
        Kind kind, String project, Money amount, String contract, String payee, List<ScheduledPayment> schedule)
        implements LedgerEvent {
}
