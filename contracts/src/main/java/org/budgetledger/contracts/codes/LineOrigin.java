package org.budgetledger.contracts.codes;

/** How a budget line (预算指标) came into being. */
public enum LineOrigin {
    /** 预算批复/指标下达 of the year. */
    APPROPRIATION,
    /** 期初结转和结余 migrated into the system. */
    OPENING,
    /** carried in by the previous year's 年终结转. */
    CARRY_OVER
}
