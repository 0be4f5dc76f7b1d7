package org.budgetledger.projection.reports.monitoring;

import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.readmodel.CommitmentMovement.Due;
import org.budgetledger.projection.readmodel.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A commitment (冻结, SPEC §14) as it stands at one (asOf, knownAt): its amount (as made, or as carried into this
 * year), what was paid under it and released of it by then, what the year-end carry-over moved to the next year (from
 * 1 January: to 31 December a closed year's line still shows it open), what is open, and its open schedule. Payments use the
 * scheduled payments earliest first and a release removes the latest ones; both are taken from the totals, so the
 * order in which they came does not matter. A refund of a payment made under it gives nothing back to it.
 *
 * @param schedule     the expected payments as made (or carried in), earliest first; empty when none were given
 * @param openSchedule what is left of each of them, the ones used up left out
 */
public record OpenCommitment(String unit, String id, String lineId, String project, LocalDate date, long amountFen,
                             long paidFen, long releasedFen, long carriedOverFen, String contract, String payee,
                             List<Due> schedule, List<Due> openSchedule) {

    public long openFen() {
        return amountFen - paidFen - releasedFen - carriedOverFen;
    }

    /** The open scheduled payments due on or before {@code date}. */
    public long dueByFen(LocalDate date) {
        return openSchedule.stream().filter(due -> !due.date().isAfter(date)).mapToLong(Due::fen).sum();
    }

    /** The open scheduled payments whose date has passed on {@code today} (before it), unpaid. */
    public long overdueFen(LocalDate today) {
        return openSchedule.stream().filter(due -> due.date().isBefore(today)).mapToLong(Due::fen).sum();
    }

    /** The earliest date of an open scheduled payment that has passed on {@code today}. */
    public Optional<LocalDate> overdueSince(LocalDate today) {
        return openSchedule.stream().map(Due::date).filter(date -> date.isBefore(today)).min(Comparator.naturalOrder());
    }

    /**
     * The commitments of the movements as they stand at the period, in the order they were made; one whose own
     * movement (made, or carried in) is not kept by the period is not there yet.
     */
    public static List<OpenCommitment> at(List<CommitmentMovement> movements, ReportPeriod period) {
        Map<List<String>, CommitmentMovement> opened = new LinkedHashMap<>();
        // per commitment: paid, released, carried over
        Map<List<String>, long[]> used = new LinkedHashMap<>();
        for (CommitmentMovement movement : movements) {
            if (!movement.keptBy(period)) {
                continue;
            }
            List<String> key = List.of(movement.unit(), movement.commitment());
            switch (movement.type()) {
                case MADE, CARRIED_IN -> opened.put(key, movement);
                case PAID -> used.computeIfAbsent(key, k -> new long[3])[0] += movement.amountFen();
                case RELEASED -> used.computeIfAbsent(key, k -> new long[3])[1] += movement.amountFen();
                case CARRIED_OUT -> used.computeIfAbsent(key, k -> new long[3])[2] += movement.amountFen();
            }
        }
        List<OpenCommitment> commitments = new ArrayList<>(opened.size());
        opened.forEach((key, made) -> {
            long[] paidReleasedCarried = used.getOrDefault(key, new long[3]);
            // what was carried over is the whole open remainder: the schedule's rest goes with it
            commitments.add(new OpenCommitment(made.unit(), made.commitment(), made.lineId(), made.project(),
                    made.effectiveDate(), made.amountFen(), paidReleasedCarried[0], paidReleasedCarried[1],
                    paidReleasedCarried[2], made.contract(), made.payee(), made.schedule(), openSchedule(made.schedule(),
                            paidReleasedCarried[0], paidReleasedCarried[1] + paidReleasedCarried[2])));
        });
        return commitments;
    }

    /** The schedule, earliest first, less {@code paidFen} from its start and {@code releasedFen} from its end. */
    static List<Due> openSchedule(List<Due> schedule, long paidFen, long releasedFen) {
        List<Due> ordered = new ArrayList<>(schedule);
        ordered.sort(Comparator.comparing(Due::date)); // stable: payments of one date keep their order
        long totalFen = ordered.stream().mapToLong(Due::fen).sum();
        long keptUntilFen = totalFen - releasedFen;
        List<Due> open = new ArrayList<>();
        long beforeFen = 0;
        for (Due due : ordered) {
            long afterFen = beforeFen + due.fen();
            // what of [beforeFen, afterFen) is neither in the paid start [0, paidFen) nor in the released end
            long leftFen = Math.min(afterFen, keptUntilFen) - Math.max(beforeFen, paidFen);
            if (leftFen > 0) {
                open.add(new Due(due.date(), leftFen));
            }
            beforeFen = afterFen;
        }
        return List.copyOf(open);
    }
}
