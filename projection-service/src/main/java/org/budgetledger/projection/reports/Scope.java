package org.budgetledger.projection.reports;

/**
 * Whose report (SPEC §13): the department (部门汇总: the unit and its descendants, consolidated), or the unit
 * alone (本级). For a unit without descendants both are the same report.
 */
public enum Scope {
    DEPARTMENT, UNIT;

    public String parameterValue() {
        return name().toLowerCase();
    }

    /** @throws IllegalArgumentException for anything but {@code department} or {@code unit} */
    public static Scope fromParameter(String value) {
        for (Scope scope : values()) {
            if (scope.parameterValue().equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("no scope " + value);
    }
}
