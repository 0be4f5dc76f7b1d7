package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.Refund;

/** REFUND: money of a payment returned (退回). */
@JsonTypeName("REFUND")
public record RefundRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                            String payment, AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new Refund(posting.budgetYearId(), posting,
                fields.identifier("payment", payment, FieldChecks.ID_LENGTH_MAX, true), fields.positiveAmount(amount));
    }
}
