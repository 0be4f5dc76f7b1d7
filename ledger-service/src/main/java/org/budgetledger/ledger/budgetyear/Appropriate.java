package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.Optional;

/** APPROPRIATE 预算批复/指标下达: validated input, ready for the rules of the budget year. */
public record Appropriate(
        @TargetAggregateIdentifier String budgetYearId,
        Posting posting,
        Fund fund, String subject, Kind kind, String project, String economic, Money amount) implements PostingCommand {

    @Override
    public String createdLineId() {
        return posting.transactionId();
    }

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    @Override
    public Optional<String> economicCode() {
        return Optional.ofNullable(economic);
    }

    /** 预算批复: the year is open and the amount fits; the line it creates is named after the transaction. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount), () -> Decision.accepted(createdLineId(),
                new BudgetAppropriated(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                        posting.principal(), posting.memo(), posting.voucher(), createdLineId(), fund, subject, kind,
                        project, economic, amount)));
    }
}
