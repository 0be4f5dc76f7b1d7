package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.ArrayList;
import java.util.List;

/**
 * The budget of one unit in one year (预算年度). It is the consistency boundary of every rule of SPEC §4, so all
 * transactions of a unit-year are decided one after the other against the same state ({@link BudgetYearState}),
 * and a payment can never race the year's closing; unit-years are independent. Each command decides itself
 * against that state (its {@code decide} method) and answers a {@link Decision}: accepted with its events, which
 * the handler applies, or rejected with nothing applied. Never an exception: that would roll the unit of work
 * back and evict the year from Axon's cache.
 */
@Aggregate(cache = "budgetYearCache", snapshotTriggerDefinition = "budgetYearSnapshotTrigger",
        commandTargetResolver = "budgetYearCommandTargets")
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class BudgetYear extends BudgetYearState {

    /** A carried-in line is named after the line it continues: {@code line>year}. No transaction id holds it. */
    public static final char CARRIED_LINE_MARK = '>';

    static final int LAST_YEAR = 2100;

    protected BudgetYear() {
        // for Axon: created empty, then sourced from its events
    }

    /**
     * Every posting command: each type decides itself against this year ({@link PostingCommand#decide}), and
     * what it accepted is applied here. One handler for all types, so that a new type needs no handler of its
     * own: the ledger dispatches every posting command under one name ({@link PostingCommand#COMMAND_NAME}).
     */
    @CommandHandler(commandName = PostingCommand.COMMAND_NAME)
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(PostingCommand command, StoredPayments storedPayments, Repository<BudgetYear> budgetYears) {
        return settle(command, command.decide(this, new Lookups(storedPayments, budgetYears)));
    }

    private Decision settle(PostingCommand command, Decision decision) {
        identify(command.posting().budgetYearId());
        return applied(decision);
    }

    /** Applies what was accepted; a rejection applies nothing. */
    private static Decision applied(Decision decision) {
        if (decision instanceof Decision.Accepted accepted) {
            accepted.events().forEach(AggregateLifecycle::apply);
        }
        return decision;
    }

    /**
     * The next year's side of a carry-over: the balances the previous year carries in, then its open commitments
     * onto the lines carried in, unless it may not take them.
     */
    Decision receiveCarryOver(BalancesCarriedIn carriedIn, List<CommitmentCarriedOver> commitments) {
        identify(BudgetYearId.of(carriedIn.unit(), carriedIn.year()));
        if (openingRecorded()) {
            return Decision.rejected(Rejection.of(ProblemCode.OPENING_CONFLICT, "year " + carriedIn.year() + " of unit "
                    + carriedIn.unit() + " has opening balances recorded already; it cannot also receive a carry-over"));
        }
        Turnover brought = new Turnover();
        carriedIn.lines().forEach(line -> brought.add(line.amount()));
        carriedIn.balances().forEach(balance -> brought.add(balance.amount()));
        commitments.forEach(commitment -> brought.add(commitment.amount()));
        List<LedgerEvent> events = new ArrayList<>(List.of(carriedIn));
        events.addAll(commitments);
        return applied(Decision.unless(turnover().check(brought.amount(), carriedIn.unit(), carriedIn.year()),
                () -> new Decision.Accepted(events, null)));
    }
}
