package org.budgetledger.ledger.budgetyear;

import org.budgetledger.ledger.decision.Decision;

import java.util.Optional;

/**
 * A command that posts one budget transaction, and the decision of its type: the rules it must pass against
 * its budget year, each a named check, and the events it applies when it passes them. A type's command is
 * the one place of its rules: its budget year routes every posting command here ({@link BudgetYear#handle}).
 */
public interface PostingCommand {

    /** The name every posting command is dispatched under, to the one handler that decides them all. */
    String COMMAND_NAME = "org.budgetledger.ledger.budgetyear.PostingCommand";

    /** The budget year it posts to, which its {@code @TargetAggregateIdentifier} marks ({@link PostingCommandTargets}). */
    String budgetYearId();

    Posting posting();

    /** The budget line the transaction creates, named after the transaction, if it creates one. */
    default String createdLineId() {
        return null;
    }

    /** The 支出功能分类 项 the transaction names, which must be in the catalog. */
    default Optional<String> subjectCode() {
        return Optional.empty();
    }

    /** The unit on the other side of an internal flow (SPEC §13) the transaction names, which must be registered. */
    default Optional<String> counterpartyUnit() {
        return Optional.empty();
    }

    /** The economic code (or group) the transaction names, which must be in the catalog. */
    default Optional<String> economicCode() {
        return Optional.empty();
    }

    /**
     * This transaction's decision against its budget year, which is not changed here: accepted with the events
     * to apply, or rejected by the first rule it breaks.
     */
    Decision decide(BudgetYear year, Lookups lookups);
}
