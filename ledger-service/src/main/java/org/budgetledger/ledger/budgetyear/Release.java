package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.Optional;

/**
 * RELEASE 解冻 (SPEC §14): (part of) what is open of a commitment returned to its line's available.
 *
 * @param amount null: all that is open
 */
public record Release(@TargetAggregateIdentifier String budgetYearId, Posting posting, String commitmentId, Money amount)
        implements PostingCommand {

    /** Of a commitment of this year, on or after it, up to what is open of it. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> rejection = (amount == null ? year.checkOpen(posting) : year.checkPostable(posting, amount))
                .or(() -> year.checkCommitment(commitmentId, posting));
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        Commitment commitment = year.commitment(commitmentId);
        Money released = amount == null ? commitment.open() : amount;
        BudgetLine line = year.line(commitment.lineId());
        return Decision.unless((amount == null ? year.turnover().check(released, posting.unit(), posting.year()) : Optional.<Rejection>empty())
                        .or(() -> commitment.checkDate("release", posting.date()))
                        .or(() -> commitment.checkOpen("release", released)),
                () -> Decision.accepted(null, new CommitmentReleased(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(),
                        commitment.id(), line.id(), line.origin(), line.fund(), line.subject(), line.kind(),
                        line.project(), released)));
    }
}
