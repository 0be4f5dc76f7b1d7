package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.money.Money;

/** A non-fiscal (fund, subject) closing balance that opens the next year. */
public record CarriedBalance(Fund fund, String subject, Money amount) {
}
