package org.budgetledger.ledger.commitment;

import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.budgetyear.OpenSchedule;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment (用款冻结, SPEC §14) as {@code GET /api/v1/commitments} answers it: {@code open = amount − paid −
 * released}; {@code schedule} the scheduled payments still open (payments under it use the earliest, releases remove
 * the latest); amounts as strings in 元. {@code paid} is what was paid under it: a refund of such a payment returns
 * the money to the line's available, not to the commitment. {@code carriedFrom}: the year a carry-over brought it
 * from (its {@code date} is then 1 January and its {@code amount} what was open); {@code carriedInto}: the year a
 * carry-over moved what was open of it into (its row here shows it as it stood on 31 December).
 */
public record CommitmentState(String id, String unit, int year, String line, LocalDate date, String contract,
                              String payee, Money amount, Money paid, Money released, Money open,
                              List<ScheduledPayment> schedule, Integer carriedFrom, Integer carriedInto) {

    static CommitmentState of(String id, String unit, int year, String line, LocalDate date, String contract,
                              String payee, long amountFen, long paidFen, long releasedFen,
                              List<ScheduledPayment> schedule, Integer carriedFrom, Integer carriedInto) {
        return new CommitmentState(id, unit, year, line, date, contract, payee, Money.ofFen(amountFen),
                Money.ofFen(paidFen), Money.ofFen(releasedFen), Money.ofFen(amountFen - paidFen - releasedFen),
                OpenSchedule.of(schedule, paidFen, releasedFen), carriedFrom, carriedInto);
    }
}
