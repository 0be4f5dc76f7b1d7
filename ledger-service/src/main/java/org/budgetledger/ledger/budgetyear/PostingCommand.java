package org.budgetledger.ledger.budgetyear;

/** A command that posts one budget transaction. */
public interface PostingCommand {

    Posting posting();
}
