package org.budgetledger.contracts.codes;

/** 政府采购 categories of SPEC §15: 货物, 工程, 服务. */
public enum ProcurementCategory {
    /** 货物. */
    GOODS("货物"),
    /** 工程. */
    WORKS("工程"),
    /** 服务. */
    SERVICES("服务");

    private final String label;

    ProcurementCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
