package org.budgetledger.contracts.codes;

/** 资金来源: where the money of a budget line, receipt or payment comes from. */
public enum Fund {
    GENERAL_BUDGET("一般公共预算财政拨款", true),
    GOV_FUND("政府性基金预算财政拨款", true),
    STATE_CAPITAL("国有资本经营预算财政拨款", true),
    SUPERIOR_SUBSIDY("上级补助收入", false),
    BUSINESS("事业收入", false),
    OPERATING("经营收入", false),
    AFFILIATE("附属单位上缴收入", false),
    OTHER("其他收入", false);

    private final String label;
    private final boolean fiscal;

    Fund(String label, boolean fiscal) {
        this.label = label;
        this.fiscal = fiscal;
    }

    public String label() {
        return label;
    }

    /** 财政拨款: the three appropriation funds, as opposed to the unit's own (non-fiscal) income. */
    public boolean isFiscal() {
        return fiscal;
    }
}
