package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.VehicleUse;

import java.util.Map;

/**
 * SPEC §15: the vehicles a unit holds at year end, in all and by use; {@code total} is the sum of {@code byType}
 * when it is given (the ledger refuses a profile where they differ).
 */
public record VehicleHoldings(int total, Map<VehicleUse, Integer> byType) {
}
