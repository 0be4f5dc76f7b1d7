package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.api.Rejection;

/** What the checks of a request's fields found: its command, or the rejection naming every field that is wrong. */
public sealed interface RequestCheck {

    /** The fields are valid: the command for the budget year, and the request it was built from. */
    record Passed(PostingCommand command, TypedRequest request) implements RequestCheck {
    }

    /** The request is refused whatever the ledger's state. */
    record Failed(Rejection rejection) implements RequestCheck {
    }
}
