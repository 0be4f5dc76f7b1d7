package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.DistributeSurplus;

/** DISTRIBUTE_SURPLUS: a surplus distributed (结余分配). */
@JsonTypeName("DISTRIBUTE_SURPLUS")
public record DistributeSurplusRequest(String id, String unit, Integer year, String date, String memo, String voucher,
        String fund, String subject, AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new DistributeSurplus(posting.budgetYearId(), posting, fields.fund(fund), fields.subject(subject),
                fields.positiveAmount(amount));
    }
}
