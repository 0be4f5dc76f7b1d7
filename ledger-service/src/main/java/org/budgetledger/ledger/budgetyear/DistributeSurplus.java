package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

import java.util.Optional;

/** DISTRIBUTE_SURPLUS 结余分配. */
public record DistributeSurplus(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Money amount) implements PostingCommand {

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }
}
