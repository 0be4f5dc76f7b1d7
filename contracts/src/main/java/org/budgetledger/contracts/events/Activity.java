package org.budgetledger.contracts.events;

/**
 * SPEC §15: what a payment paid for, counted — 团组 and 人次 of 因公出国 (30212), 批次 and 人次 of 公务接待 (30217), 会议
 * (30215), 培训班 (30216), 车辆数 of 公务用车购置 (31013/30913). Both counts are ≥ 0.
 */
public record Activity(int count, int persons) {
}
