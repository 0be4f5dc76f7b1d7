package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.money.Money;

import java.util.Map;
import java.util.TreeMap;

/**
 * One expected payment of a COMMIT's {@code schedule} (SPEC §14), exactly as sent: {@code {"date", "amount"}}.
 * Checked by {@link FieldChecks#schedule}.
 */
public record ScheduledPaymentText(String date, AmountText amount) {

    /** As the canonical request holds it: the amount normalized, as every amount of a request is. */
    Map<String, String> canonical() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("amount", Money.parseYuan(amount.text()).toYuanString());
        fields.put("date", date);
        return fields;
    }
}
