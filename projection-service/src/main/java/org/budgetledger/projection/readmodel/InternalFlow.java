package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;

import java.util.Collection;

/**
 * What a unit of a department recorded of the flows with another unit of the same department (SPEC §13, 内部往来),
 * summed: its internal payments (net of refunds) of one kind to the counterparty, or its internal receipts of one
 * fund from it. A consolidated report leaves these out.
 *
 * @param unit the unit that recorded them (the payer of a payment, the receiver of a receipt)
 */
public record InternalFlow(String unit, String counterparty, Measure measure, Fund fund, Kind kind, long fen) {

    /**
     * {@link #isInternal} as a condition of SQL over a row {@code f} of the table {@code fact}, the department's units
     * being the array parameter {@code :{unitsParameter}}; never null.
     */
    public static String sqlCondition(String unitsParameter) {
        return "coalesce(f.counterparty IS NOT NULL AND f.counterparty = ANY (:" + unitsParameter + ")"
                + " AND (f.measure = 'EXPENDITURE' AND f.kind IN ('SUBSIDY_AFFILIATE', 'REMIT_SUPERIOR')"
                + " OR f.measure = 'INCOME' AND f.fund IN ('SUPERIOR_SUBSIDY', 'AFFILIATE')), false)";
    }

    /**
     * Whether a fact is one side of a flow inside the department: a payment (or its refund) of kind
     * SUBSIDY_AFFILIATE or REMIT_SUPERIOR, or a receipt of fund SUPERIOR_SUBSIDY or AFFILIATE, whose counterparty
     * is a unit of the department. {@code FactQueries} asks the same of the database.
     */
    public static boolean isInternal(Fact fact, Collection<String> department) {
        if (fact.counterparty() == null || !department.contains(fact.counterparty())) {
            return false;
        }
        return fact.measure() == Measure.EXPENDITURE
                ? fact.kind() == Kind.SUBSIDY_AFFILIATE || fact.kind() == Kind.REMIT_SUPERIOR
                : fact.measure() == Measure.INCOME && (fact.fund() == Fund.SUPERIOR_SUBSIDY || fact.fund() == Fund.AFFILIATE);
    }
}
