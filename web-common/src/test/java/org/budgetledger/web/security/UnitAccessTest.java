package org.budgetledger.web.security;

import org.budgetledger.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitAccessTest {

    /** 厅 ← 中心 ← 站; 其他 on its own. */
    private final Map<String, List<String>> ancestors = Map.of(
            "centre", List.of("ting"),
            "station", List.of("centre", "ting"));
    private final UnitAccess access = new UnitAccess(unit -> ancestors.getOrDefault(unit, List.of()));

    private static Caller grantOf(String... units) {
        return new Caller("clerk", EnumSet.of(Role.VIEWER), Set.of(units));
    }

    @Test
    void aGrantReadsItsWholeDepartmentAtEveryDepth() {
        Caller ting = grantOf("ting");
        assertThat(access.reads(ting, "ting")).isTrue();
        assertThat(access.reads(ting, "centre")).isTrue();
        assertThat(access.reads(ting, "station")).isTrue();
        assertThat(access.reads(ting, "other")).isFalse();
    }

    @Test
    void aSubordinatesGrantNeverReadsItsParent() {
        Caller centre = grantOf("centre");
        assertThat(access.reads(centre, "station")).isTrue();
        assertThat(access.reads(centre, "ting")).isFalse();
        assertThatThrownBy(() -> access.requireReadable(centre, "ting", "unit ting"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage()).contains("no unit ting"));
    }

    @Test
    void writesStayWithTheGrantedUnitAlone() {
        Caller ting = grantOf("ting");
        assertThat(ting.writeRefusal("ting")).isEmpty();
        assertThat(ting.writeRefusal("centre")).isPresent();
    }

    @Test
    void everyUnitGrantReadsEverything() {
        assertThat(access.reads(grantOf(Caller.ALL_UNITS), "station")).isTrue();
    }
}
