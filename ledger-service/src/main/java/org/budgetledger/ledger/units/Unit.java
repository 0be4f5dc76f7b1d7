package org.budgetledger.ledger.units;

/** 预算单位: a code of 1–32 characters {@code [0-9A-Za-z_-]} and its name. */
public record Unit(String code, String name) {
}
