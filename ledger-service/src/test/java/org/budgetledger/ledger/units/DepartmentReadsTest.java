package org.budgetledger.ledger.units;

import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §13 on the ledger's reads: a grant of a unit reads its whole department (the unit list, budget lines,
 * transactions, the unit and its history, audit events) and writes for the unit alone; a subordinate's user never
 * reads its parent (404). The department of {@link TestUsers}: 厅 UT → 中心 UTM → 站 UTB.
 */
class DepartmentReadsTest extends LedgerIntegrationTest {

    private static final List<String> LEVELS = List.of(TestUsers.UNIT_TOP, TestUsers.UNIT_MIDDLE, TestUsers.UNIT_BOTTOM);

    @BeforeEach
    void department() {
        String parent = null;
        for (String unit : LEVELS) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("code", unit, "name", "单位" + unit));
            if (parent != null) {
                body.put("parent", parent);
            }
            assertThat(api().post("/api/v1/units", body).status()).isIn(201, 409);
            assertThat(api().post("/api/v1/transactions", Tx.appropriate("dept-" + unit, unit, 2023, "GENERAL_BUDGET", "1.00"))
                    .status()).isIn(200, 201);
            parent = unit;
        }
    }

    @Test
    void a_grant_of_the_top_reads_all_three_units() {
        HttpApi top = HttpApi.as(port, "auditor-top");
        for (String unit : LEVELS) {
            assertReads(top, unit, true);
        }
        assertThat(HttpApi.as(port, "clerk-top").get("/api/v1/units").body().findValuesAsText("code")).containsAll(LEVELS);
    }

    @Test
    void a_grant_of_the_middle_reads_the_middle_and_the_bottom_and_not_the_top() {
        HttpApi middle = HttpApi.as(port, "auditor-middle");
        assertReads(middle, TestUsers.UNIT_TOP, false);
        assertReads(middle, TestUsers.UNIT_MIDDLE, true);
        assertReads(middle, TestUsers.UNIT_BOTTOM, true);
        assertThat(HttpApi.as(port, "clerk-middle").get("/api/v1/units").body().findValuesAsText("code"))
                .contains(TestUsers.UNIT_MIDDLE, TestUsers.UNIT_BOTTOM).doesNotContain(TestUsers.UNIT_TOP);
        // the department's events without a unit: the middle's and the bottom's, never the top's
        List<String> units = middle.get("/api/v1/audit/events?limit=1000").body().path("events").findValuesAsText("unit");
        assertThat(units).contains(TestUsers.UNIT_MIDDLE, TestUsers.UNIT_BOTTOM).doesNotContain(TestUsers.UNIT_TOP);
    }

    @Test
    void a_grant_writes_for_its_unit_alone() {
        for (String unit : LEVELS) {
            int status = HttpApi.as(port, "clerk-top").post("/api/v1/transactions",
                    Tx.appropriate("w-" + System.nanoTime(), unit, 2023, "GENERAL_BUDGET", "1.00")).status();
            assertThat(status).as(unit).isEqualTo(unit.equals(TestUsers.UNIT_TOP) ? 201 : 403);
        }
        assertThat(HttpApi.as(port, "admin-top").send("PATCH", "/api/v1/units/" + TestUsers.UNIT_MIDDLE,
                "{\"name\":\"改名\",\"effective\":\"2020-01-01\"}").status()).isEqualTo(403);
    }

    private static void assertReads(HttpApi user, String unit, boolean reads) {
        int expected = reads ? 200 : 404;
        assertThat(user.get("/api/v1/units/" + unit).status()).as("unit " + unit).isEqualTo(expected);
        assertThat(user.get("/api/v1/budget-lines?unit=" + unit).status()).as("lines of " + unit).isEqualTo(expected);
        assertThat(user.get("/api/v1/budget-lines/dept-" + unit).status()).as("line of " + unit).isEqualTo(expected);
        assertThat(user.get("/api/v1/transactions/dept-" + unit).status()).as("transaction of " + unit).isEqualTo(expected);
        assertThat(user.get("/api/v1/audit/events?unit=" + unit).status()).as("events of " + unit).isEqualTo(expected);
    }
}
