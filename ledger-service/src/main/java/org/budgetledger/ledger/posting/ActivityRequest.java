package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.events.Activity;

import java.util.Set;

/**
 * {@code PAY.activity} as sent (SPEC §15): what a payment paid for, counted — {@code count} (团组, 批次, 会议, 培训班,
 * 车辆) and {@code persons} (人次), whole numbers ≥ 0, both required; checked by {@link #checked}.
 */
public record ActivityRequest(Integer count, Integer persons) {

    /**
     * The economic codes whose payments the publication counts (因公出国 30212, 会议费 30215, 培训费 30216, 公务接待 30217,
     * 公务用车购置 31013 and 30913): counts on any other payment would be summed nowhere.
     */
    static final Set<String> COUNTED_ECONOMIC = Set.of("30212", "30215", "30216", "30217", "31013", "30913");

    /** The activity, or null with each fault in {@code fields} under {@code activity.<field>}. */
    Activity checked(FieldChecks fields, String economic) {
        Integer checkedCount = atLeastZero(fields, "activity.count", count);
        Integer checkedPersons = atLeastZero(fields, "activity.persons", persons);
        if (economic != null && !COUNTED_ECONOMIC.contains(economic)) {
            fields.error("activity", "only for payments of economic code 30212, 30215, 30216, 30217, 31013 or 30913 "
                    + "(what the publication counts), not " + economic);
            return null;
        }
        return checkedCount == null || checkedPersons == null ? null : new Activity(checkedCount, checkedPersons);
    }

    private static Integer atLeastZero(FieldChecks fields, String field, Integer value) {
        if (value == null) {
            fields.error(field, "required");
            return null;
        }
        if (value < 0) {
            fields.error(field, "must not be negative");
            return null;
        }
        return value;
    }
}
