package org.budgetledger.ledger.units;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.UnitType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What holds on a date (SPEC §12), and the structure checks, without a database. */
class UnitRecordsTest {

    private static final Instant RECORDED = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void a_change_holds_from_its_effective_date_and_a_late_recorded_earlier_change_does_not_undo_a_later_one() {
        UnitRecords records = new UnitRecords(List.of(registration("C", null)), List.of(
                change("C", "2024-07-01", "七月名", 10),
                // recorded after the July change, effective before it
                change("C", "2024-03-01", "三月名", 11)));

        assertThat(records.at("C", LocalDate.parse("2024-02-29")).orElseThrow().name()).isEqualTo("单位C");
        assertThat(records.at("C", LocalDate.parse("2024-03-01")).orElseThrow().name()).isEqualTo("三月名");
        assertThat(records.at("C", LocalDate.parse("2024-07-01")).orElseThrow().name()).isEqualTo("七月名");
        assertThat(records.at("C", LocalDate.parse("2024-07-01")).orElseThrow().type()).as("unchanged").isEqualTo(UnitType.OTHER);
    }

    @Test
    void changes_of_one_effective_date_apply_in_order_of_sequence() {
        UnitRecords records = new UnitRecords(List.of(registration("C", null)), List.of(
                change("C", "2024-07-01", "后", 12), change("C", "2024-07-01", "先", 11)));

        assertThat(records.at("C", LocalDate.parse("2024-07-01")).orElseThrow().name()).isEqualTo("后");
    }

    @Test
    void a_chain_of_eight_units_is_no_problem_and_nine_are_too_deep() {
        List<UnitRecords.Registration> chain = new ArrayList<>();
        for (int level = 0; level < 9; level++) {
            chain.add(registration("U" + level, level == 0 ? null : "U" + (level - 1)));
        }

        assertThat(new UnitRecords(chain.subList(0, 8), List.of()).structureProblem(UnitRecords.BEGINNING)).isEmpty();
        assertThat(new UnitRecords(chain, List.of()).structureProblem(UnitRecords.BEGINNING).orElseThrow().code())
                .isEqualTo(ProblemCode.UNIT_TOO_DEEP);
    }

    @Test
    void a_cycle_that_only_exists_from_a_later_date_is_found_from_an_earlier_one() {
        UnitRecords records = new UnitRecords(List.of(registration("A", null), registration("B", null)), List.of(
                new UnitRecords.Change("B", LocalDate.parse("2024-07-01"), null, "A", null, 10, RECORDED),
                new UnitRecords.Change("A", LocalDate.parse("2024-01-01"), null, "B", null, 11, RECORDED)));

        assertThat(records.parentsAt(LocalDate.parse("2024-06-30"))).containsEntry("A", "B").doesNotContainKey("B");
        assertThat(records.structureProblem(LocalDate.parse("2024-01-01")).orElseThrow().code()).isEqualTo(ProblemCode.UNIT_CYCLE);
    }

    private static UnitRecords.Registration registration(String code, String parent) {
        return new UnitRecords.Registration(code, "单位" + code, parent, UnitType.OTHER, null, RECORDED);
    }

    private static UnitRecords.Change change(String unit, String effective, String name, long sequence) {
        return new UnitRecords.Change(unit, LocalDate.parse(effective), name, null, null, sequence, RECORDED);
    }
}
