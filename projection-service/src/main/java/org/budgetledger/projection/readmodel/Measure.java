package org.budgetledger.projection.readmodel;

/** What a fact's amount is, in the terms of the 决算 forms (SPEC §6, cell definitions). */
public enum Measure {
    /** 本年收入: fiscal indicator amounts kept, non-fiscal receipts. */
    INCOME,
    /** 本年支出: payments net of same-year refunds. */
    EXPENDITURE,
    /** 年初结转和结余. */
    OPENING,
    /** 使用非财政拨款结余和专用结余. */
    RESERVE,
    /** 结余分配. */
    DISTRIBUTED,
    /** A budget line's initial amount: appropriated, opened, or carried in (the execution report's 年初预算数). */
    BUDGET,
    /** A change of a line's budget during the year: 追加/调减 and 调剂 (full-year budget = BUDGET + ADJUSTMENT). */
    ADJUSTMENT,
    /**
     * 冻结 (SPEC §14): money of a line promised to a contract and not yet paid. A commitment made or carried in adds
     * its amount; a payment under it and a release take theirs away (a refund of such a payment does not give it
     * back: the money returns to the line's available). Its sum is a line's open commitments at (asOf, knownAt).
     */
    COMMITTED
}
