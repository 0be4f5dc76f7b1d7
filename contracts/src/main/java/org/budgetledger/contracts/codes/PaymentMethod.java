package org.budgetledger.contracts.codes;

/** 国库集中支付 method; the control logic is the same for both. */
public enum PaymentMethod {
    /** 直接支付: the treasury pays the payee. */
    DIRECT,
    /** 授权支付: the unit pays within an authorised quota. */
    AUTHORIZED
}
