package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.ThreePublicCategory;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What every table of one unit-year at one (asOf, knownAt) is computed from: the summed facts, the 三公 limits in
 * force and the names of the catalog codes known at knownAt (SPEC §12). Tables are pure functions of it.
 */
public record ReportInputs(List<FactSum> sums, Map<ThreePublicCategory, Long> limitsFen, CodeNames names) {

    /** The amounts alone, rows named by the built-in catalog; {@link #withNames} adds the codes added through the API. */
    public ReportInputs(List<FactSum> sums, Map<ThreePublicCategory, Long> limitsFen) {
        this(sums, limitsFen, CodeNames.BUILT_IN);
    }

    /** The same amounts, the rows named as known at the report's knownAt. */
    public ReportInputs withNames(CodeNames known) {
        return new ReportInputs(sums, limitsFen, known);
    }

    /**
     * The most the sums (and the 三公 limits), each counted positive, may add up to for every table and identity
     * to be computed in {@code long} 分: a cell or a side of an identity adds at most three totals, each at most
     * this (公开01表 row 62 = 58 + 59 + 60, identity 2b), so a quarter of a long leaves a margin. The ledger keeps
     * every unit-year far below it (at most 10^15 分 of amounts, each at most four facts: 4 × 10^15 分); only what
     * it stored before it limited a budget year's amounts can be beyond.
     */
    public static final long SUMMABLE_FEN_MAX = Long.MAX_VALUE / 4;

    /** The reference: straight from the facts and limit settings of the events kept by the period. */
    public static ReportInputs of(List<Fact> facts, List<LimitSetting> limits, ReportPeriod period) {
        List<Fact> kept = facts.stream()
                .filter(fact -> !fact.effectiveDate().isAfter(period.asOf()) && !fact.recordedAt().isAfter(period.knownAt()))
                .toList();
        Map<ThreePublicCategory, Long> inForce = new EnumMap<>(ThreePublicCategory.class);
        limits.stream()
                .filter(limit -> !limit.effectiveDate().isAfter(period.asOf()) && !limit.recordedAt().isAfter(period.knownAt()))
                .sorted(Comparator.comparing(LimitSetting::effectiveDate).thenComparingLong(LimitSetting::sequence))
                .forEach(limit -> inForce.put(limit.category(), limit.amountFen()));
        return new ReportInputs(FactSum.of(kept), inForce);
    }

    /** Whether every table can be computed from these inputs without overflowing a long (see {@link #SUMMABLE_FEN_MAX}). */
    public boolean summable() {
        long remainingFen = SUMMABLE_FEN_MAX;
        for (long fen : sums.stream().mapToLong(FactSum::fen).toArray()) {
            remainingFen -= fen == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(fen);
            if (remainingFen < 0) {
                return false;
            }
        }
        for (long fen : limitsFen.values()) {
            remainingFen -= Math.abs(fen);
            if (remainingFen < 0) {
                return false;
            }
        }
        return true;
    }

    public long sum(Predicate<FactSum> which) {
        long fen = 0;
        for (FactSum sum : sums) {
            if (which.test(sum)) {
                fen = Math.addExact(fen, sum.fen());
            }
        }
        return fen;
    }

    public long sum(Measure measure, Predicate<FactSum> which) {
        return sum(sum -> sum.measure() == measure && which.test(sum));
    }

    public long limitFen(ThreePublicCategory category) {
        return limitsFen.getOrDefault(category, 0L);
    }
}
