package org.budgetledger.projection.departments;

import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.projection.departments.RegisterSnapshot.CodeAdded;
import org.budgetledger.projection.departments.RegisterSnapshot.UnitEvent;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN-18's meaning of a unit's attributes at (asOf, knownAt), and of a department, on hand-made registers. */
class RegisterSnapshotTest {

    private static final Instant JANUARY = Instant.parse("2023-01-02T00:00:00Z");
    private long sequence;

    @Test
    void a_change_recorded_late_for_an_earlier_date_does_not_undo_a_later_one_and_null_fields_keep_their_value() {
        List<UnitEvent> events = List.of(
                registered("U1", "原名", null, UnitType.PUBLIC_SERVICE_2),
                changed("U1", "2023-06-01", "六月名", null, null, "2023-07-01T00:00:00Z"),
                changed("U1", "2023-03-01", "三月名", null, UnitType.PUBLIC_SERVICE_1, "2023-08-01T00:00:00Z"));
        RegisterSnapshot register = new RegisterSnapshot(1, events, List.of());

        assertThat(register.unitAt("U1", at("2023-12-31", "2023-09-01T00:00:00Z")).orElseThrow())
                .isEqualTo(new UnitAttributes("U1", "六月名", null, UnitType.PUBLIC_SERVICE_1));
        assertThat(register.unitAt("U1", at("2023-04-01", "2023-09-01T00:00:00Z")).orElseThrow())
                .isEqualTo(new UnitAttributes("U1", "三月名", null, UnitType.PUBLIC_SERVICE_1));
        assertThat(register.unitAt("U1", at("2023-12-31", "2023-07-15T00:00:00Z")).orElseThrow())
                .isEqualTo(new UnitAttributes("U1", "六月名", null, UnitType.PUBLIC_SERVICE_2));
        assertThat(register.unitAt("U1", at("2023-12-31", "2023-01-01T00:00:00Z"))).as("not registered yet").isEmpty();
        assertThat(register.unitAt("NOPE", at("2023-12-31", "2024-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_department_is_its_unit_then_every_descendant_in_code_order_and_an_unknown_unit_alone() {
        List<UnitEvent> events = new ArrayList<>();
        events.add(registered("T", "厅", null, UnitType.ADMINISTRATIVE));
        List<String> expected = new ArrayList<>(List.of("T"));
        // 200 units: 20 centres of 9 stations each (codes sort as the expectation is written)
        for (int centre = 10; centre < 30; centre++) {
            events.add(registered("T" + centre, "中心" + centre, "T", UnitType.PUBLIC_SERVICE_1));
            expected.add("T" + centre);
            for (int station = 1; station <= 9; station++) {
                events.add(registered("T" + centre + station, "站", "T" + centre, UnitType.OTHER));
                expected.add("T" + centre + station);
            }
        }
        events.add(registered("X", "另一厅", null, UnitType.ADMINISTRATIVE));
        RegisterSnapshot register = new RegisterSnapshot(1, events, List.of());
        ReportPeriod now = at("2023-12-31", "2024-01-01T00:00:00Z");

        List<String> department = register.departmentOf("T", now);
        assertThat(department).hasSize(201).containsExactlyElementsOf(expected.stream().sorted(
                (one, other) -> one.equals("T") ? -1 : other.equals("T") ? 1 : one.compareTo(other)).toList());
        assertThat(register.departmentOf("T15", now)).containsExactly("T15", "T151", "T152", "T153", "T154", "T155",
                "T156", "T157", "T158", "T159");
        assertThat(register.departmentOf("UNKNOWN", now)).containsExactly("UNKNOWN");
        assertThat(register.ancestorsOf("T153", now)).containsExactly("T15", "T");
        assertThat(register.ancestorsOf("T", now)).isEmpty();
    }

    @Test
    void a_cycle_at_some_point_in_time_ends_the_walk_instead_of_hanging_it() {
        List<UnitEvent> events = List.of(
                registered("A", "甲", null, UnitType.OTHER),
                registered("B", "乙", "A", UnitType.OTHER),
                changed("A", "2023-06-01", null, "B", null, "2023-07-01T00:00:00Z"));
        RegisterSnapshot register = new RegisterSnapshot(1, events, List.of());
        ReportPeriod cyclic = at("2023-12-31", "2024-01-01T00:00:00Z");

        assertThat(register.departmentOf("A", cyclic)).containsExactly("A", "B");
        assertThat(register.ancestorsOf("A", cyclic)).containsExactly("B");
    }

    @Test
    void an_added_code_is_named_from_its_recording_on_and_the_built_in_catalog_always() {
        RegisterSnapshot register = new RegisterSnapshot(1, List.of(), List.of(
                new CodeAdded(1, CatalogKind.SUBJECTS, "2999901", "新增科目", Instant.parse("2023-06-01T00:00:00Z")),
                new CodeAdded(2, CatalogKind.ECONOMIC, "39901", "新增经济分类", Instant.parse("2023-06-01T00:00:00Z"))));

        assertThat(register.codeNamesAt(Instant.parse("2023-06-01T00:00:00Z")).subject("2999901")).isEqualTo("新增科目");
        assertThat(register.codeNamesAt(Instant.parse("2023-06-01T00:00:00Z")).economic("39901")).isEqualTo("新增经济分类");
        assertThat(register.codeNamesAt(Instant.parse("2023-05-31T23:59:59Z")).subject("2999901")).isEqualTo("2999901");
        assertThat(register.codeNamesAt(Instant.parse("2023-05-31T23:59:59Z")).subject("201")).isEqualTo("一般公共服务支出");
        assertThat(register.codeNamesAt(Instant.parse("2023-06-01T00:00:00Z")).subject("39901")).as("another catalog's")
                .isEqualTo("39901");
    }

    private UnitEvent registered(String unit, String name, String parent, UnitType type) {
        return new UnitEvent(++sequence, unit, null, JANUARY, name, parent, type);
    }

    private UnitEvent changed(String unit, String effective, String name, String parent, UnitType type, String recordedAt) {
        return new UnitEvent(++sequence, unit, LocalDate.parse(effective), Instant.parse(recordedAt), name, parent, type);
    }

    private static ReportPeriod at(String asOf, String knownAt) {
        return new ReportPeriod(LocalDate.parse(asOf), Instant.parse(knownAt));
    }
}
