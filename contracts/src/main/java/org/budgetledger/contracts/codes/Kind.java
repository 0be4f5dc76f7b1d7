package org.budgetledger.contracts.codes;

/** 支出类型: the nature of an expenditure. */
public enum Kind {
    BASIC("基本支出"),
    PROJECT("项目支出"),
    REMIT_SUPERIOR("上缴上级支出"),
    OPERATING("经营支出"),
    SUBSIDY_AFFILIATE("对附属单位补助支出");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Fiscal (财政拨款) money may only be spent as 基本支出 or 项目支出. */
    public boolean allowedForFiscalFunds() {
        return this == BASIC || this == PROJECT;
    }
}
