package org.budgetledger.contracts.codes;

/**
 * Where a catalog code sits in its catalog, by its length: 类 (3 digits), 款 (5) and, for subjects, 项 (7). The
 * economic classification has 类 (the group, 3 digits) and 款 (5 digits) only.
 */
public enum CodeLevel {
    /** 类: 3 digits. */
    CLASS,
    /** 款: 5 digits. */
    SECTION,
    /** 项: 7 digits (subjects only). */
    ITEM;

    /** The level of a code of 3, 5 or 7 digits; null for any other. */
    public static CodeLevel of(String code) {
        return code == null ? null : switch (code.length()) {
            case 3 -> CLASS;
            case 5 -> SECTION;
            case 7 -> ITEM;
            default -> null;
        };
    }
}
