package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;

/** SPEC §15: a payment that is 政府采购, its category and to whom it was awarded. */
public record Procurement(ProcurementCategory category, ProcurementAward award) {
}
