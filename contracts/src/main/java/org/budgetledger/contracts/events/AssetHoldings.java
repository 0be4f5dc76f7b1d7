package org.budgetledger.contracts.events;

/**
 * SPEC §15, 国有资产占用 at year end: vehicles, and the pieces of equipment (台（套）, vehicles not counted) worth more than
 * 500,000 元 and more than 1,000,000 元 each. Any may be absent: the publication then leaves that sentence's blank.
 */
public record AssetHoldings(VehicleHoldings vehicles, Integer equipmentOver500k, Integer equipmentOver1m) {
}
