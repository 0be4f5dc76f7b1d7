package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.Release;

/** RELEASE 解冻 (SPEC §14): {@code amount} of a commitment, or (without one) all that is open of it, released. */
@JsonTypeName("RELEASE")
public record ReleaseRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                             String commitment, AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        return new Release(posting.budgetYearId(), posting,
                fields.identifier("commitment", commitment, FieldChecks.ID_LENGTH_MAX, true),
                amount == null ? null : fields.positiveAmount(amount));
    }
}
