package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.Money;

/** A budget line reopened in the next year with the money it had left ({@code amount} = its available). */
public record CarriedLine(String lineId, String fromLineId, Fund fund, String subject, Kind kind, String project,
                          String economic, Money amount) {
}
