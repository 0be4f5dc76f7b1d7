package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

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
}
