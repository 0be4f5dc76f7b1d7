package org.budgetledger.ledger.budgetyear;

import java.util.Optional;

/** A command that posts one budget transaction. */
public interface PostingCommand {

    Posting posting();

    /** The budget line the transaction creates, named after the transaction, if it creates one. */
    default String createdLineId() {
        return null;
    }

    /** The 支出功能分类 项 the transaction names, which must be in the catalog. */
    default Optional<String> subjectCode() {
        return Optional.empty();
    }

    /** The economic code (or group) the transaction names, which must be in the catalog. */
    default Optional<String> economicCode() {
        return Optional.empty();
    }
}
