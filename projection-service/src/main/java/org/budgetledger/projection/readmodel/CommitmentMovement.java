package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ScheduledPayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one event did to a commitment (冻结, SPEC §14), with both time axes: the read model keeps these beside the
 * facts so that a commitment's open amount and open schedule can be known at any (asOf, knownAt). {@code schedule},
 * {@code contract} and {@code payee} are the commitment's own, on the movement that opens it in its year (made, or
 * carried in); a payment or a release has none.
 *
 * @param project the project of the commitment's line, null for a line of no project
 */
public record CommitmentMovement(long sequence, String unit, int year, String commitment, Type type,
                                 LocalDate effectiveDate, Instant recordedAt, String lineId, String project,
                                 long amountFen, String contract, String payee, List<Due> schedule) {

    public enum Type {
        /** COMMIT: the commitment is made, with its schedule. */
        MADE,
        /** CARRY_OVER: the commitment continues in this year on the carry-in line, with the rest of its schedule. */
        CARRIED_IN,
        /** A PAY under the commitment. */
        PAID,
        /** RELEASE (解冻). */
        RELEASED,
        /**
         * CARRY_OVER, in the closed year: the commitment leaves its line there on 1 January of the new year with its
         * open remainder (the movement's amount), and continues in the new year (CARRIED_IN).
         */
        CARRIED_OUT
    }

    /** One expected payment: its date and amount in 分. */
    public record Due(LocalDate date, long fen) {
        static List<Due> of(List<ScheduledPayment> schedule) {
            return schedule == null ? List.of()
                    : schedule.stream().map(payment -> new Due(payment.date(), payment.amount().fen())).toList();
        }
    }

    public CommitmentMovement {
        schedule = List.copyOf(schedule);
    }

    /** The same movement with another schedule. */
    public CommitmentMovement withSchedule(List<Due> other) {
        return new CommitmentMovement(sequence, unit, year, commitment, type, effectiveDate, recordedAt, lineId, project,
                amountFen, contract, payee, other);
    }

    /** Whether it counts at a point of both time axes: effective by asOf and recorded by knownAt. */
    public boolean keptBy(ReportPeriod period) {
        return !effectiveDate.isAfter(period.asOf()) && !recordedAt.isAfter(period.knownAt());
    }

    /**
     * The event's movements of commitments: none, or one; two for a carry-over, which moves a commitment into the new
     * year (CARRIED_IN) and out of the closed one (CARRIED_OUT, a movement of the closed year).
     */
    public static List<CommitmentMovement> of(EventEnvelope envelope, RecordedEvent event) {
        if (event instanceof CommitmentCarriedOver carried) {
            return List.of(moved(envelope, event).orElseThrow(), new CommitmentMovement(envelope.sequence(), carried.unit(),
                    carried.fromYear(), carried.commitment(), Type.CARRIED_OUT, carried.effectiveDate(),
                    envelope.recordedAt(), carried.fromLineId(), carried.project(), carried.amount().fen(), null, null,
                    List.of()));
        }
        return moved(envelope, event).stream().toList();
    }

    private static Optional<CommitmentMovement> moved(EventEnvelope envelope, RecordedEvent event) {
        long sequence = envelope.sequence();
        Instant recordedAt = envelope.recordedAt();
        if (event instanceof CommitmentMade made) {
            return Optional.of(new CommitmentMovement(sequence, made.unit(), made.year(), made.transactionId(), Type.MADE,
                    made.effectiveDate(), recordedAt, made.lineId(), made.project(), made.amount().fen(), made.contract(),
                    made.payee(), Due.of(made.schedule())));
        }
        if (event instanceof CommitmentCarriedOver carried) {
            return Optional.of(new CommitmentMovement(sequence, carried.unit(), carried.year(), carried.commitment(),
                    Type.CARRIED_IN, carried.effectiveDate(), recordedAt, carried.lineId(), carried.project(),
                    carried.amount().fen(), carried.contract(), carried.payee(), Due.of(carried.schedule())));
        }
        if (event instanceof PaymentMade payment && payment.commitment() != null) {
            return Optional.of(new CommitmentMovement(sequence, payment.unit(), payment.year(), payment.commitment(),
                    Type.PAID, payment.effectiveDate(), recordedAt, payment.lineId(), payment.project(),
                    payment.amount().fen(), null, null, List.of()));
        }
        if (event instanceof CommitmentReleased released) {
            return Optional.of(new CommitmentMovement(sequence, released.unit(), released.year(), released.commitment(),
                    Type.RELEASED, released.effectiveDate(), recordedAt, released.lineId(), released.project(),
                    released.amount().fen(), null, null, List.of()));
        }
        return Optional.empty();
    }
}
