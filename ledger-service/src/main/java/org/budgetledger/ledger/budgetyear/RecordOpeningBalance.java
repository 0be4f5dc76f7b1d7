package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

import java.util.Optional;

/** OPENING_BALANCE 期初结转和结余. */
public record RecordOpeningBalance(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Kind kind,
                                   String project, String economic, Money amount) implements PostingCommand {

    /** Only fiscal opening balances become budget lines. */
    @Override
    public String createdLineId() {
        return fund.isFiscal() ? posting.transactionId() : null;
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
