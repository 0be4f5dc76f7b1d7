package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;

import java.util.Map;

/**
 * What a publication discloses beyond the tables (SPEC §15), summed over the payments of its units kept by (asOf,
 * knownAt), internal flows left out: 政府采购 by category and award, and the counts of what fiscal payments paid for, by
 * economic code (团组, 批次, 会议, 培训班, 车辆 and their 人次).
 */
public record DisclosureSums(Map<ProcurementCategory, Map<ProcurementAward, Long>> procurementFen,
                             Map<String, Counted> activityByEconomic) {

    /** Counts summed: {@code count} (团组, 批次, 班, 辆 …) and {@code persons} (人次). */
    public record Counted(long count, long persons) {
        public static final Counted NONE = new Counted(0, 0);
    }

    public static final DisclosureSums NONE = new DisclosureSums(Map.of(), Map.of());

    public long procurementFen(ProcurementCategory category) {
        return procurementFen.getOrDefault(category, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Awarded to a 中小企业 (a 小微企业 is one too). */
    public long smeFen(ProcurementCategory category) {
        Map<ProcurementAward, Long> awards = procurementFen.getOrDefault(category, Map.of());
        return awards.getOrDefault(ProcurementAward.SME, 0L) + awards.getOrDefault(ProcurementAward.SMALL_MICRO, 0L);
    }

    public long smallMicroFen(ProcurementCategory category) {
        return procurementFen.getOrDefault(category, Map.of()).getOrDefault(ProcurementAward.SMALL_MICRO, 0L);
    }

    public Counted counted(String... economic) {
        long count = 0;
        long persons = 0;
        for (String code : economic) {
            Counted counted = activityByEconomic.getOrDefault(code, Counted.NONE);
            count += counted.count();
            persons += counted.persons();
        }
        return new Counted(count, persons);
    }
}
