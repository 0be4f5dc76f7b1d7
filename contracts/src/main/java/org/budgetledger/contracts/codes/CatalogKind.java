package org.budgetledger.contracts.codes;

/** The two code lists a catalog addition extends (SPEC §12), named as in {@code /api/v1/catalog/{kind}}. */
public enum CatalogKind {
    /** 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7). */
    SUBJECTS,
    /** 部门预算支出经济分类: groups (3 digits) and codes (5 digits). */
    ECONOMIC
}
