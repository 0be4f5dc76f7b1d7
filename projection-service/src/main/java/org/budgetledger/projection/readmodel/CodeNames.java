package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.catalog.CatalogNames;

import java.util.Map;

/**
 * The names of the catalog codes at one {@code knownAt} (SPEC §12): the built-in catalog, which holds from the
 * beginning of time, and the codes added through the API known by then. A code neither names is printed as
 * itself (a row of a code nobody named still shows where its money went).
 */
public final class CodeNames {

    /** The built-in catalog alone: what a report knows before any code was added. */
    public static final CodeNames BUILT_IN = new CodeNames(Map.of(), Map.of());

    private final Map<String, String> addedSubjects;
    private final Map<String, String> addedEconomic;

    public CodeNames(Map<String, String> addedSubjects, Map<String, String> addedEconomic) {
        this.addedSubjects = Map.copyOf(addedSubjects);
        this.addedEconomic = Map.copyOf(addedEconomic);
    }

    /** 支出功能分类科目 (类, 款, 项). */
    public String subject(String code) {
        String builtIn = CatalogNames.subjects().get(code);
        return builtIn != null ? builtIn : addedSubjects.getOrDefault(code, code);
    }

    /** 部门预算支出经济分类 (groups and codes). */
    public String economic(String code) {
        String builtIn = CatalogNames.economic().get(code);
        return builtIn != null ? builtIn : addedEconomic.getOrDefault(code, code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodeNames names && names.addedSubjects.equals(addedSubjects)
                && names.addedEconomic.equals(addedEconomic);
    }

    @Override
    public int hashCode() {
        return addedSubjects.hashCode() * 31 + addedEconomic.hashCode();
    }
}
