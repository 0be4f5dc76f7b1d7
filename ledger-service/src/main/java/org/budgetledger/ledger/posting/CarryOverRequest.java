package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.CarryOver;

/** CARRY_OVER: the year closed and its balances opened in the next (结转); dated by the ledger (31 Dec / 1 Jan). */
@JsonTypeName("CARRY_OVER")
public record CarryOverRequest(String id, String unit, Integer year, String date, String memo, String voucher) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new CarryOver(posting.budgetYearId(), posting);
    }

    @Override
    public boolean datedByLedger() {
        return true;
    }
}
