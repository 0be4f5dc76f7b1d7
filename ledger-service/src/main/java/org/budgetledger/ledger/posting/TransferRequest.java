package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.Transfer;

/** TRANSFER: budget moved from one line to another (调剂). */
@JsonTypeName("TRANSFER")
public record TransferRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                              String from, String to, AmountText amount, String reason) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        String fromLine = fields.identifier("from", from, FieldChecks.LINE_ID_LENGTH_MAX, true);
        String toLine = fields.identifier("to", to, FieldChecks.LINE_ID_LENGTH_MAX, true);
        if (fromLine != null && fromLine.equals(toLine)) {
            fields.error("to", "must be another line than from");
        }
        return new Transfer(posting.budgetYearId(), posting, fromLine, toLine, fields.positiveAmount(amount),
                fields.text("reason", reason, FieldChecks.MEMO_LENGTH_MAX, true));
    }
}
