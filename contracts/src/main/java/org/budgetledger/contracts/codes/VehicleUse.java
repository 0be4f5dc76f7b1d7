package org.budgetledger.contracts.codes;

/**
 * 车辆用途 of the 国有资产占用 disclosure (SPEC §15, a unit-year's profile): the kinds of 公务用车 a publication counts, in
 * the order the 2023 wording lists them.
 */
public enum VehicleUse {
    /** 副部（省）级及以上领导用车 */
    MINISTERIAL,
    /** 主要负责人用车 */
    PRINCIPAL,
    /** 机要通信用车 */
    CONFIDENTIAL,
    /** 应急保障用车 */
    EMERGENCY,
    /** 执法执勤用车 */
    LAW_ENFORCEMENT,
    /** 特种专业技术用车 */
    SPECIAL_TECHNICAL,
    /** 离退休干部服务用车 */
    RETIREE_SERVICE,
    /** 其他用车 */
    OTHER
}
