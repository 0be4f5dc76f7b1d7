package org.budgetledger.contracts.events;

import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;

/** SPEC §14: one expected payment of a commitment's schedule (a date inside the year, an amount above 0). */
public record ScheduledPayment(LocalDate date, Money amount) {
}
