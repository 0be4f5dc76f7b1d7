package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.events.Activity;
import org.budgetledger.contracts.events.Procurement;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.budgetyear.Pay;

/**
 * PAY: a payment from a budget line (支出); to another unit of the ledger, its {@code counterparty} (SPEC §13); under
 * a commitment of the line, its {@code commitment} (SPEC §14); a 政府采购 marked by {@code procurement}, what it paid
 * for counted by {@code activity} (SPEC §15).
 */
@JsonTypeName("PAY")
public record PayRequest(String id, String unit, Integer year, String date, String memo, String voucher,
                         String line, String economic, AmountText amount, String payee, String method,
                         String counterparty, String commitment, ProcurementRequest procurement,
                         ActivityRequest activity) implements TypedRequest {

    /** A payment without the disclosure fields of SPEC §15. */
    public PayRequest(String id, String unit, Integer year, String date, String memo, String voucher, String line,
                      String economic, AmountText amount, String payee, String method, String counterparty, String commitment) {
        this(id, unit, year, date, memo, voucher, line, economic, amount, payee, method, counterparty, commitment, null, null);
    }

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
        Procurement checkedProcurement = procurement == null ? null : procurement.checked(fields);
        if (procurement != null && counterparty != null) {
            fields.error("procurement", "not for a payment to a unit of the ledger (counterparty): 政府采购 buys from suppliers");
        }
        Activity checkedActivity = activity == null ? null : activity.checked(fields, checkedEconomic);
        return new Pay(posting.budgetYearId(), posting, checkedLine, checkedEconomic, checkedAmount, checkedPayee,
                checkedMethod, checkedCounterparty, checkedCommitment, checkedProcurement, checkedActivity);
    }
}
