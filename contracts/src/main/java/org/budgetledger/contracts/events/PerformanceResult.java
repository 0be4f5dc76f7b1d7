package org.budgetledger.contracts.events;

import java.math.BigDecimal;

/** SPEC §15: one 绩效自评 result — the project (or the unit's 整体支出), its score out of 100 and its grade, if any. */
public record PerformanceResult(String project, BigDecimal score, String grade) {
}
