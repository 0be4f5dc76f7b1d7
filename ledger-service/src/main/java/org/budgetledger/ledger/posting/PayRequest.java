package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.budgetyear.Pay;

/**
 * PAY: a payment from a budget line (支出); to another unit of the ledger, its {@code counterparty} (SPEC §13); under
 * a commitment of the line, its {@code commitment} (SPEC §14).
 */
@JsonTypeName("PAY")
public record PayRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                         String line, String economic, AmountText amount, String payee, String method,
                         String counterparty, String commitment) implements TypedRequest {

    @Override
    public PostingCommand toCommand(Posting posting, FieldChecks fields) {
        String checkedLine = fields.identifier("line", line, FieldChecks.LINE_ID_LENGTH_MAX, true);
        String checkedEconomic = fields.matching("economic", economic, FieldChecks.ECONOMIC, "a 5-digit economic code", true);
        Money checkedAmount = fields.positiveAmount(amount);
        String checkedPayee = fields.text("payee", payee, FieldChecks.NAME_LENGTH_MAX, false);
        PaymentMethod checkedMethod = method == null ? null
                : fields.require("method", method, PaymentMethod::valueOf, "DIRECT or AUTHORIZED");
        String checkedCounterparty = fields.counterparty(counterparty, posting.unit());
        String checkedCommitment = fields.identifier("commitment", commitment, FieldChecks.ID_LENGTH_MAX, false);
        return new Pay(posting.budgetYearId(), posting, checkedLine, checkedEconomic, checkedAmount, checkedPayee,
                checkedMethod, checkedCounterparty, checkedCommitment);
    }
}
