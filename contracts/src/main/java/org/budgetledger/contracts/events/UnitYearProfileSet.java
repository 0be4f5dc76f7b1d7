package org.budgetledger.contracts.events;

import java.util.List;
import java.util.Map;

/**
 * SPEC §15: the profile of a unit-year that its publication (部门决算公开文本) needs and no transaction carries —
 * 部门职责 ({@code functions}), 机构设置 ({@code organisation}), 国有资产占用 at year end ({@code assets}), the 绩效自评 results
 * ({@code performance}) — and, beyond the spec, {@code explanations}: the text a person wrote for the publication's
 * marked blanks (主要原因是…), by the blank's key. Each set replaces the whole profile; a field not given is empty.
 * The projection answers the profile as known at a report's {@code knownAt} (the latest one recorded by then).
 *
 * <p>It is a register's event (stored in the same hash chain, published on the same topic) filed under
 * {@code "{unit}:{year}:profile"}: a budget year's own key, {@code "{unit}:{year}"}, is its aggregate's, whose event
 * numbering a write from outside it would break; the first two parts still name the unit and the year. On the topic
 * it is published under that unit-year's key, {@code "{unit}:{year}"} (SPEC §5; records published before carry the
 * three-part key).
 */
public record UnitYearProfileSet(String unit, int year, String functions, String organisation, AssetHoldings assets,
                                 List<PerformanceResult> performance, Map<String, String> explanations, String principal)
        implements RegistryEvent {

    /** The last part of the key of a unit-year's profiles. */
    public static final String KEY_SUFFIX = "profile";

    @Override
    public String key() {
        return unit + ":" + year + ":" + KEY_SUFFIX;
    }
}
