package org.budgetledger.contracts.codes;

/** 单位类型 (SPEC §12): what kind of public body a budget unit is. */
public enum UnitType {
    /** 行政单位 */
    ADMINISTRATIVE,
    /** 参照公务员法管理事业单位 */
    CIVIL_SERVICE_MANAGED,
    /** 公益一类事业单位 */
    PUBLIC_SERVICE_1,
    /** 公益二类事业单位 */
    PUBLIC_SERVICE_2,
    /** 经费自理事业单位 */
    SELF_FUNDED,
    /** 其他 (the default) */
    OTHER
}
