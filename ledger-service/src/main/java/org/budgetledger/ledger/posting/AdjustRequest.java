package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.Adjust;

/** ADJUST: a line's budget raised or cut (调整). */
@JsonTypeName("ADJUST")
public record AdjustRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                            String line, AmountText amount, String reason) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new Adjust(posting.budgetYearId(), posting,
                fields.identifier("line", line, FieldChecks.LINE_ID_LENGTH_MAX, true), fields.nonZeroAmount(amount),
                fields.text("reason", reason, FieldChecks.MEMO_LENGTH_MAX, true));
    }
}
