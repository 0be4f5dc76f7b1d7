package org.budgetledger.contracts.events;

import java.util.List;

/**
 * SPEC §15: last year's published tables of a unit whose year − 1 is not in the ledger, for the 上年 comparisons of the
 * publication of {@code year} (the tables are of {@code tablesYear} = year − 1) and for nothing else. Each recording
 * replaces the earlier one; the projection uses the one known at a report's {@code knownAt}, and only while year − 1
 * has no events of its own. {@code fileUnit} is how the files gave their amounts: {@code WANYUAN} (万元) or
 * {@code YUAN} (元); the rows hold 元 either way.
 *
 * <p>Filed under {@code "{unit}:{year}:reference"} and published under {@code "{unit}:{year}"}, for the reasons
 * {@link UnitYearProfileSet} gives.
 */
public record ReferenceTablesRecorded(String unit, int year, int tablesYear, String fileUnit, List<ReferenceTable> tables,
                                      String principal) implements RegistryEvent {

    /** The last part of the key of a unit-year's reference tables. */
    public static final String KEY_SUFFIX = "reference";

    @Override
    public String key() {
        return unit + ":" + year + ":" + KEY_SUFFIX;
    }
}
