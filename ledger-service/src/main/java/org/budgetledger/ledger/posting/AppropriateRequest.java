package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.ledger.budgetyear.Appropriate;

/** APPROPRIATE: a budget line of the year (指标下达). */
@JsonTypeName("APPROPRIATE")
public record AppropriateRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                                 String fund, String subject, String kind, String project, String economic,
                                 AmountText amount) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        Fund checkedFund = fields.fund(fund);
        String checkedSubject = fields.subject(subject);
        Kind checkedKind = fields.oneOf("kind", kind, Kind.class);
        String checkedProject = fields.project(project, checkedFund, checkedKind);
        String checkedEconomic = fields.economicRestriction(economic);
        return new Appropriate(posting.budgetYearId(), posting, checkedFund, checkedSubject, checkedKind,
                checkedProject, checkedEconomic, fields.positiveAmount(amount));
    }
}
