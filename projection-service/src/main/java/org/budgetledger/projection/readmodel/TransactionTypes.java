package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;

import java.util.Map;

/** The type of the transaction (SPEC §4) an event of a budget year records, as it was posted: PAY, REFUND, … */
public final class TransactionTypes {

    private static final Map<Class<? extends LedgerEvent>, String> POSTED_AS = Map.ofEntries(
            Map.entry(BudgetAppropriated.class, "APPROPRIATE"),
            Map.entry(BudgetAdjusted.class, "ADJUST"),
            Map.entry(BudgetTransferred.class, "TRANSFER"),
            Map.entry(PaymentMade.class, "PAY"),
            Map.entry(PaymentRefunded.class, "REFUND"),
            Map.entry(IncomeReceived.class, "RECEIVE"),
            Map.entry(OpeningBalanceRecorded.class, "OPENING_BALANCE"),
            Map.entry(ReserveUsed.class, "USE_RESERVE"),
            Map.entry(SurplusDistributed.class, "DISTRIBUTE_SURPLUS"),
            Map.entry(ThreePublicLimitSet.class, "SET_LIMIT"),
            // 年终结转: the year closed, and its balances carried into the next
            Map.entry(YearClosed.class, "CARRY_OVER"),
            Map.entry(BalancesCarriedIn.class, "CARRY_OVER"),
            // SPEC §14: 用款冻结, 解冻, and a commitment moved by the carry-over
            Map.entry(CommitmentMade.class, "COMMIT"),
            Map.entry(CommitmentReleased.class, "RELEASE"),
            Map.entry(CommitmentCarriedOver.class, "CARRY_OVER"));

    private TransactionTypes() {
    }

    static boolean knows(Class<? extends LedgerEvent> type) {
        return POSTED_AS.containsKey(type);
    }

    public static String of(LedgerEvent event) {
        String type = POSTED_AS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no transaction type known for " + event.eventName());
        }
        return type;
    }
}
