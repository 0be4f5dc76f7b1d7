package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.budgetyear.Commit;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;

import java.util.List;

/**
 * COMMIT 用款冻结 (SPEC §14): money of a budget line reserved for a contract ({@code contract}, 合同号), to be paid to
 * {@code payee} as {@code schedule} expects; all three optional.
 */
@JsonTypeName("COMMIT")
public record CommitRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                            String line, AmountText amount, String contract, String payee,
                            List<ScheduledPaymentText> schedule) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        String checkedLine = fields.identifier("line", line, FieldChecks.LINE_ID_LENGTH_MAX, true);
        Money checkedAmount = fields.positiveAmount(amount);
        String checkedContract = fields.identifier("contract", contract, FieldChecks.CONTRACT_LENGTH_MAX, false);
        String checkedPayee = fields.text("payee", payee, FieldChecks.NAME_LENGTH_MAX, false);
        return new Commit(posting.budgetYearId(), posting, checkedLine, checkedAmount, checkedContract, checkedPayee,
                fields.schedule(schedule, posting.year(), checkedAmount));
    }
}
