package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.events.Procurement;

/**
 * {@code PAY.procurement} as sent (SPEC §15): a 政府采购 payment's {@code category} (GOODS, WORKS, SERVICES) and
 * {@code award} (NONE, SME, SMALL_MICRO), both required; checked by {@link #checked}.
 */
public record ProcurementRequest(String category, String award) {

    /** The procurement, or null with each fault in {@code fields} under {@code procurement.<field>}. */
    Procurement checked(FieldChecks fields) {
        ProcurementCategory checkedCategory = fields.oneOf("procurement.category", category, ProcurementCategory.class);
        ProcurementAward checkedAward = fields.oneOf("procurement.award", award, ProcurementAward.class);
        return checkedCategory == null || checkedAward == null ? null : new Procurement(checkedCategory, checkedAward);
    }
}
