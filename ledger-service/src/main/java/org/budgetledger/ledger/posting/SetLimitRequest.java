package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.ledger.budgetyear.SetLimit;

/** SET_LIMIT: the year's limit of a "three public" category (三公经费限额). */
@JsonTypeName("SET_LIMIT")
public record SetLimitRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                              String category, AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new SetLimit(posting.budgetYearId(), posting, fields.oneOf("category", category, ThreePublicCategory.class),
                fields.amountAtLeastZero(amount));
    }
}
