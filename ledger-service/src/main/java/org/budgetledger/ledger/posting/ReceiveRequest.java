package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.Receive;

/** RECEIVE: non-fiscal money received (收入); from another unit of the ledger, its {@code counterparty} (SPEC §13). */
@JsonTypeName("RECEIVE")
public record ReceiveRequest(String id, String unit, Integer year, String date, String memo, String voucher,
        String fund, String subject, AmountText amount, String counterparty) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new Receive(posting.budgetYearId(), posting, fields.fund(fund), fields.subject(subject),
                fields.positiveAmount(amount), fields.counterparty(counterparty, posting.unit()));
    }
}
