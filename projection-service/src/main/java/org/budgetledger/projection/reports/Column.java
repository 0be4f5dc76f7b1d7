package org.budgetledger.projection.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A column of a report, by its key in the JSON {@code values}, the CSV header and the checks. An amount column
 * holds 分 in each row; a percent column holds nothing: it is {@code part / whole} of two amount columns of the
 * same row, in percent with two decimals, half-up, empty when the whole is 0 (执行率).
 */
public record Column(String key, Column part, Column whole) {

    public static Column amount(String key) {
        return new Column(key, null, null);
    }

    public static Column percent(String key, Column part, Column whole) {
        return new Column(key, part, whole);
    }

    /** The cell as the API prints it at this scale, or null when the row leaves it empty. */
    public String text(ReportRow row, Scale scale) {
        if (part != null) {
            return percentOf(row.fen(part), row.fen(whole));
        }
        Long fen = row.cell(this);
        return fen == null ? null : scale.format(fen);
    }

    /** {@code part / whole} in percent, two decimals, half-up; empty when {@code whole} is 0. */
    public static String percentOf(long partFen, long wholeFen) {
        if (wholeFen == 0) {
            return "";
        }
        return BigDecimal.valueOf(partFen).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(wholeFen), 2, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public String toString() {
        return key;
    }
}
