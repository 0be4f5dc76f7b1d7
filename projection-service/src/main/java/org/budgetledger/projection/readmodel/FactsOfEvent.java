package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts an event contributes to the reports (SPEC §6, cell definitions): the one place on the read side
 * that knows what each event means for the tables. 三公 limits are not amounts to sum and are kept apart
 * ({@link LimitSetting}).
 */
public final class FactsOfEvent {

    private final EventEnvelope envelope;
    private final LedgerEvent event;
    private final List<Fact> facts = new ArrayList<>();

    private FactsOfEvent(EventEnvelope envelope, LedgerEvent event) {
        this.envelope = envelope;
        this.event = event;
    }

    /** The facts of an event: none for a registry event, which names things but moves no money. */
    public static List<Fact> of(EventEnvelope envelope, RecordedEvent recorded) {
        if (!(recorded instanceof LedgerEvent event)) {
            return List.of();
        }
        FactsOfEvent of = new FactsOfEvent(envelope, event);
        of.collect();
        return of.facts;
    }

    private void collect() {
        if (event instanceof BudgetAppropriated appropriated) {
            Line line = new Line(appropriated.fund(), appropriated.subject(), appropriated.kind(),
                    appropriated.project(), appropriated.lineId(), LineOrigin.APPROPRIATION);
            add(Measure.BUDGET, line, null, appropriated.amount().fen());
            // fiscal appropriations are this year's income; a non-fiscal line budgets money received
            if (appropriated.fund().isFiscal()) {
                add(Measure.INCOME, line, null, appropriated.amount().fen());
            }
        } else if (event instanceof BudgetAdjusted adjusted) {
            Line line = new Line(adjusted.fund(), adjusted.subject(), adjusted.kind(), adjusted.project(),
                    adjusted.lineId(), LineOrigin.APPROPRIATION);
            adjustment(line, adjusted.amount().fen());
        } else if (event instanceof BudgetTransferred transferred) {
            adjustment(new Line(transferred.fund(), transferred.fromSubject(), transferred.fromKind(),
                    transferred.fromProject(), transferred.fromLineId(), LineOrigin.APPROPRIATION), -transferred.amount().fen());
            adjustment(new Line(transferred.fund(), transferred.toSubject(), transferred.toKind(),
                    transferred.toProject(), transferred.toLineId(), LineOrigin.APPROPRIATION), transferred.amount().fen());
        } else if (event instanceof PaymentMade payment) {
            Line line = new Line(payment.fund(), payment.subject(), payment.kind(), payment.project(), payment.lineId(),
                    payment.origin());
            add(Measure.EXPENDITURE, line, payment.economic(), payment.amount().fen(), payment.counterparty());
            if (payment.commitment() != null) {
                // paid under a commitment: the amount leaves the committed money of the line as it becomes paid
                add(Measure.COMMITTED, line, null, -payment.amount().fen());
            }
        } else if (event instanceof PaymentRefunded refund) {
            add(Measure.EXPENDITURE, new Line(refund.fund(), refund.subject(), refund.kind(), refund.project(),
                    refund.lineId(), refund.origin()), refund.economic(), -refund.amount().fen(), refund.counterparty());
        } else if (event instanceof IncomeReceived received) {
            add(Measure.INCOME, Line.none(received.fund(), received.subject()), null, received.amount().fen(),
                    received.counterparty());
        } else if (event instanceof OpeningBalanceRecorded opening) {
            Line line = opening.lineId() == null ? Line.none(opening.fund(), opening.subject())
                    : new Line(opening.fund(), opening.subject(), opening.kind(), opening.project(), opening.lineId(),
                    LineOrigin.OPENING);
            add(Measure.OPENING, line, null, opening.amount().fen());
            if (opening.lineId() != null) {
                add(Measure.BUDGET, line, null, opening.amount().fen());
            }
        } else if (event instanceof ReserveUsed reserve) {
            add(Measure.RESERVE, Line.none(reserve.fund(), reserve.subject()), null, reserve.amount().fen());
        } else if (event instanceof SurplusDistributed distributed) {
            add(Measure.DISTRIBUTED, Line.none(distributed.fund(), distributed.subject()), null,
                    distributed.amount().fen());
        } else if (event instanceof BalancesCarriedIn carried) {
            for (CarriedLine carriedLine : carried.lines()) {
                Line line = new Line(carriedLine.fund(), carriedLine.subject(), carriedLine.kind(),
                        carriedLine.project(), carriedLine.lineId(), LineOrigin.CARRY_OVER);
                add(Measure.OPENING, line, null, carriedLine.amount().fen());
                add(Measure.BUDGET, line, null, carriedLine.amount().fen());
            }
            for (CarriedBalance balance : carried.balances()) {
                add(Measure.OPENING, Line.none(balance.fund(), balance.subject()), null, balance.amount().fen());
            }
        } else if (event instanceof CommitmentMade made) {
            add(Measure.COMMITTED, new Line(made.fund(), made.subject(), made.kind(), made.project(), made.lineId(),
                    made.origin()), null, made.amount().fen());
        } else if (event instanceof CommitmentReleased released) {
            add(Measure.COMMITTED, new Line(released.fund(), released.subject(), released.kind(), released.project(),
                    released.lineId(), released.origin()), null, -released.amount().fen());
        } else if (event instanceof CommitmentCarriedOver carried) {
            // it opens again here, and leaves the closed year's line on the same day, 1 January (SPEC §14): to 31
            // December that line still shows it. Written from this event alone, in the closed year: a rebuild may
            // apply the new year before the closed one. The closed line's origin (version 2; a version 1 event's is
            // derived from the line's id by its upcaster) puts it in that year's part of the execution report.
            add(Measure.COMMITTED, new Line(carried.fund(), carried.subject(), carried.kind(), carried.project(),
                    carried.lineId(), LineOrigin.CARRY_OVER), null, carried.amount().fen());
            add(carried.fromYear(), Measure.COMMITTED, new Line(carried.fund(), carried.subject(), carried.kind(),
                    carried.project(), carried.fromLineId(), carried.fromOrigin()), null, -carried.amount().fen(), null);
        } else if (!(event instanceof ThreePublicLimitSet || event instanceof YearClosed)) {
            throw new IllegalArgumentException("no facts defined for " + event.eventName());
        }
    }

    /** A change of a line's budget; for fiscal money it is also income of the year at the line's subject. */
    private void adjustment(Line line, long fen) {
        add(Measure.ADJUSTMENT, line, null, fen);
        if (line.fund().isFiscal()) {
            add(Measure.INCOME, line, null, fen);
        }
    }

    private void add(Measure measure, Line line, String economic, long amountFen) {
        add(measure, line, economic, amountFen, null);
    }

    private void add(Measure measure, Line line, String economic, long amountFen, String counterparty) {
        add(event.year(), measure, line, economic, amountFen, counterparty);
    }

    /** A fact of {@code year} of the event's unit, on the event's effective date (another year's only for a carry-over). */
    private void add(int year, Measure measure, Line line, String economic, long amountFen, String counterparty) {
        facts.add(new Fact(envelope.sequence(), facts.size(), event.unit(), year, event.effectiveDate(),
                envelope.recordedAt(), measure, line.fund(), line.subject(), line.kind(), economic, line.project(),
                line.lineId(), line.origin(), amountFen, counterparty));
    }

    /** The dimensions a fact takes from its budget line (or from the event, when there is no line). */
    private record Line(Fund fund, String subject, Kind kind, String project, String lineId, LineOrigin origin) {
        static Line none(Fund fund, String subject) {
            return new Line(fund, subject, null, null, null, null);
        }
    }
}
