package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.ledger.budgetyear.RecordOpeningBalance;

/** OPENING_BALANCE: money brought into the ledger's first year (期初余额); fiscal money opens a budget line. */
@JsonTypeName("OPENING_BALANCE")
public record OpeningBalanceRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                                    String fund, String subject, String kind, String project, String economic,
                                    AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        Fund checkedFund = fields.fund(fund);
        String checkedSubject = fields.subject(subject);
        Kind checkedKind = kind == null ? null : fields.oneOf("kind", kind, Kind.class);
        if (checkedFund != null && checkedFund.isFiscal() && kind == null) {
            fields.error("kind", "required for fiscal money (it opens a budget line)");
        }
        String checkedProject = fields.project(project, checkedFund, checkedKind);
        String checkedEconomic = fields.economicRestriction(economic);
        return new RecordOpeningBalance(posting.budgetYearId(), posting, checkedFund, checkedSubject, checkedKind,
                checkedProject, checkedEconomic, fields.positiveAmount(amount));
    }
}
