package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.UseReserve;

/** USE_RESERVE: reserves drawn on (使用结余). */
@JsonTypeName("USE_RESERVE")
public record UseReserveRequest(String id, String unit, Integer year, String date, String memo, String voucher,
        String fund, String subject, AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new UseReserve(posting.budgetYearId(), posting, fields.fund(fund), fields.subject(subject),
                fields.positiveAmount(amount));
    }
}
