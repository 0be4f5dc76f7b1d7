package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What is still expected of a commitment's schedule (SPEC §14): payments under the commitment use its scheduled
 * payments earliest first, and a release removes the latest ones. The one definition, for the budget year (what a
 * carry-over moves) and for {@code GET /api/v1/commitments} (what it shows).
 */
public final class OpenSchedule {

    private OpenSchedule() {
    }

    /**
     * The scheduled payments still open, earliest first, after {@code paidFen} was paid under the commitment and
     * {@code releasedFen} released; a partly used scheduled payment stays with what is left of it.
     *
     * @param schedule earliest first; empty when the commitment has none
     */
    public static List<ScheduledPayment> of(List<ScheduledPayment> schedule, long paidFen, long releasedFen) {
        long[] leftFen = schedule.stream().mapToLong(payment -> payment.amount().fen()).toArray();
        long toConsume = paidFen;
        for (int index = 0; index < leftFen.length && toConsume > 0; index++) {
            long used = Math.min(leftFen[index], toConsume);
            leftFen[index] -= used;
            toConsume -= used;
        }
        long toRemove = releasedFen;
        for (int index = leftFen.length - 1; index >= 0 && toRemove > 0; index--) {
            long removed = Math.min(leftFen[index], toRemove);
            leftFen[index] -= removed;
            toRemove -= removed;
        }
        List<ScheduledPayment> open = new ArrayList<>();
        for (int index = 0; index < leftFen.length; index++) {
            if (leftFen[index] > 0) {
                open.add(new ScheduledPayment(schedule.get(index).date(), Money.ofFen(leftFen[index])));
            }
        }
        return List.copyOf(open);
    }

    /**
     * An open schedule as a carry-over moves it into {@code nextYear}: what was due in the closed year falls on
     * 1 January, as one scheduled payment; the later ones keep their dates.
     */
    static List<ScheduledPayment> carriedInto(int nextYear, List<ScheduledPayment> open) {
        LocalDate firstDay = LocalDate.of(nextYear, 1, 1);
        long overdueFen = open.stream().filter(payment -> payment.date().isBefore(firstDay))
                .mapToLong(payment -> payment.amount().fen()).sum();
        List<ScheduledPayment> carried = new ArrayList<>();
        if (overdueFen > 0) {
            carried.add(new ScheduledPayment(firstDay, Money.ofFen(overdueFen)));
        }
        open.stream().filter(payment -> !payment.date().isBefore(firstDay)).forEach(carried::add);
        return List.copyOf(carried);
    }
}
