package org.budgetledger.projection.reports.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * 序时进度 (SPEC §14): the share of the budget year elapsed at a date, counting the date itself, in percent with two
 * decimals, half-up — what the finance bureau holds a unit's execution rate against. Before the year it is 0, after
 * it 100.
 */
public final class Elapsed {

    private Elapsed() {
    }

    public static BigDecimal percent(int year, LocalDate date) {
        if (date.getYear() < year) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (date.getYear() > year) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        return BigDecimal.valueOf(date.getDayOfYear()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(date.lengthOfYear()), 2, RoundingMode.HALF_UP);
    }
}
