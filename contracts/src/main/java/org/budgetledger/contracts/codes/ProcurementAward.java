package org.budgetledger.contracts.codes;

/**
 * To whom a 政府采购 was awarded (SPEC §15). Every 小微企业 is also a 中小企业, so a {@link #SMALL_MICRO} award counts
 * in both the 中小企业 and the 小微企业 amounts of the publication.
 */
public enum ProcurementAward {
    /** Neither a 中小企业 nor a 小微企业. */
    NONE,
    /** 中小企业 that is not a 小微企业. */
    SME,
    /** 小微企业. */
    SMALL_MICRO;

    /** Whether the award counts among the amounts awarded to 中小企业. */
    public boolean toSme() {
        return this != NONE;
    }
}
