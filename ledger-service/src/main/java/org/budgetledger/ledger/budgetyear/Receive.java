package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.util.Optional;

/** RECEIVE 非财政拨款收入. */
public record Receive(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Money amount) implements PostingCommand {

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }
}
