package org.budgetledger.projection.reports;

/** One 勾稽关系 evaluated: both sides in 元 and whether they agree. */
public record Check(String name, String description, String left, String right, boolean ok) {
}
