package org.budgetledger.projection.readmodel;

import org.budgetledger.platform.jdbc.ColumnArrays;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one checkpoint of knowledge, built from the day sums of the facts it holds, so that a report reads at
 * most two rows per dimension from a checkpoint, whatever its asOf:
 * <ul>
 * <li>one row per dimension ({@code fact_checkpoint_dimension}): from the month of its first fact
 * ({@code first_month}) to the month after its last, its sums before each month ({@code before_month_fen[k]}: the
 * facts effective before the k-th month from the first, so [1] is 0 and the last is its total);</li>
 * <li>one row per dimension and month its facts fall in ({@code fact_checkpoint_month}): the sums up to each day of
 * the month ({@code day_fen[d]}, the facts of the month effective up to day d of it).</li>
 * </ul>
 * A report's sum of a dimension up to asOf is then {@code before_month_fen[asOf's month] + day_fen[asOf's day]}. A
 * checkpoint has at most one row per dimension plus one per month of each, however many days its facts fall on.
 */
final class CheckpointMonths {

    /** A sum's dimensions, absent ones as '' (as in the day sums and the checkpoints, where they are part of the key). */
    record Dimensions(String measure, String fund, String subject, String kind, String economic, String project,
                      String origin, String counterparty) {

        private static final Comparator<Dimensions> ORDER = Comparator.comparing(Dimensions::measure)
                .thenComparing(Dimensions::fund).thenComparing(Dimensions::subject).thenComparing(Dimensions::kind)
                .thenComparing(Dimensions::economic).thenComparing(Dimensions::project).thenComparing(Dimensions::origin)
                .thenComparing(Dimensions::counterparty);
    }

    /**
     * A checkpoint's rows as the columns of one statement per table, and how many there are: dimension rows
     * ({@code unit, year, known_until, measure, fund, subject, kind, economic, project, origin, counterparty,
     * first_month, before_month_fen}) and month rows ({@code unit, year, known_until, month, measure, …, counterparty,
     * day_fen}), the arrays as array literals, month rows ordered by month (a report reads one month's: they are
     * stored together).
     */
    record Rows(ColumnArrays dimensions, ColumnArrays months, int count) {
    }

    private record MonthRow(LocalDate month, Dimensions dimensions, long[] dayFen) {
    }

    private final int year;
    /** Per dimension, the day sums of the facts held; a day whose facts sum to nothing is left out. */
    private final Map<Dimensions, TreeMap<LocalDate, Long>> days = new HashMap<>();

    CheckpointMonths(int year) {
        this.year = year;
    }

    /**
     * Adds an amount effective on a day.
     *
     * @throws ArithmeticException when a sum of a dimension would not fit in a long (only amounts stored before
     *                             the ledger limited a unit-year's can)
     */
    void add(Dimensions dimensions, LocalDate day, long fen) {
        TreeMap<LocalDate, Long> ofDimension = days.computeIfAbsent(dimensions, none -> new TreeMap<>());
        long sum = Math.addExact(ofDimension.getOrDefault(day, 0L), fen);
        if (sum == 0) {
            ofDimension.remove(day);
        } else {
            ofDimension.put(day, sum);
        }
    }

    /** Adds what a month row of an earlier checkpoint holds: the facts of its month, by day. */
    void addMonthRow(Dimensions dimensions, LocalDate month, Long[] dayFen) {
        long previous = 0;
        for (int day = 1; day <= dayFen.length; day++) {
            long cumulative = dayFen[day - 1];
            if (cumulative != previous) {
                add(dimensions, month.withDayOfMonth(day), Math.subtractExact(cumulative, previous));
            }
            previous = cumulative;
        }
    }

    /** @throws ArithmeticException when a sum would not fit in a long */
    Rows rows(String unit, Timestamp knownUntil) {
        String instant = knownUntil.toInstant().toString();
        ColumnArrays dimensionRows = new ColumnArrays("varchar", "int", "timestamptz", "varchar", "varchar", "varchar",
                "varchar", "varchar", "varchar", "varchar", "varchar", "date", "varchar");
        List<MonthRow> monthRows = new ArrayList<>();
        List<Dimensions> ordered = new ArrayList<>(days.keySet());
        ordered.sort(Dimensions.ORDER);
        int dimensionCount = 0;
        for (Dimensions dimensions : ordered) {
            TreeMap<LocalDate, Long> ofDimension = days.get(dimensions);
            if (ofDimension.isEmpty()) {
                continue;
            }
            LocalDate first = ofDimension.firstKey().withDayOfMonth(1);
            long[] beforeMonthFen = new long[(int) ChronoUnit.MONTHS.between(first, ofDimension.lastKey().withDayOfMonth(1)) + 2];
            for (int k = 1; k < beforeMonthFen.length; k++) {
                LocalDate month = first.plusMonths(k - 1);
                long[] dayFen = dayFen(month, ofDimension.subMap(month, month.plusMonths(1)));
                beforeMonthFen[k] = beforeMonthFen[k - 1];
                if (dayFen != null) {
                    monthRows.add(new MonthRow(month, dimensions, dayFen));
                    beforeMonthFen[k] = Math.addExact(beforeMonthFen[k], dayFen[dayFen.length - 1]);
                }
            }
            dimensionRows.add(unit, year, instant, dimensions.measure(), dimensions.fund(), dimensions.subject(),
                    dimensions.kind(), dimensions.economic(), dimensions.project(), dimensions.origin(),
                    dimensions.counterparty(), first.toString(), arrayLiteral(beforeMonthFen));
            dimensionCount++;
        }
        monthRows.sort(Comparator.comparing(MonthRow::month)); // stable: dimensions stay in order within a month
        ColumnArrays monthColumns = new ColumnArrays("varchar", "int", "timestamptz", "date", "varchar", "varchar",
                "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar");
        for (MonthRow row : monthRows) {
            Dimensions dimensions = row.dimensions();
            monthColumns.add(unit, year, instant, row.month().toString(), dimensions.measure(), dimensions.fund(),
                    dimensions.subject(), dimensions.kind(), dimensions.economic(), dimensions.project(),
                    dimensions.origin(), dimensions.counterparty(), arrayLiteral(row.dayFen()));
        }
        return new Rows(dimensionRows, monthColumns, dimensionCount + monthRows.size());
    }

    /** The month's sums up to each of its days, or null when none of the dimension's facts falls in it. */
    private static long[] dayFen(LocalDate month, Map<LocalDate, Long> ofMonth) {
        if (ofMonth.isEmpty()) {
            return null;
        }
        long[] dayFen = new long[YearMonth.from(month).lengthOfMonth()];
        long cumulative = 0;
        for (int day = 1; day <= dayFen.length; day++) {
            cumulative = Math.addExact(cumulative, ofMonth.getOrDefault(month.withDayOfMonth(day), 0L));
            dayFen[day - 1] = cumulative;
        }
        return dayFen;
    }

    private static String arrayLiteral(long[] fen) {
        StringBuilder literal = new StringBuilder("{");
        for (int index = 0; index < fen.length; index++) {
            literal.append(index == 0 ? "" : ",").append(fen[index]);
        }
        return literal.append('}').toString();
    }
}
