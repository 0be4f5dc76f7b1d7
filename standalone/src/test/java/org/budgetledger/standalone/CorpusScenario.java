package org.budgetledger.standalone;

import org.budgetledger.testing.HttpApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of the frozen event corpus ({@link EventCorpusWriter}): two units of a department, a unit change, a code
 * added to the catalog, and in their budget years every kind of transaction, so that every event type is stored and
 * published at least once. A new event type is added here with a posting that produces it (the writer refuses to write
 * a corpus that lacks a type).
 */
final class CorpusScenario {

    static final String PARENT = "C100";
    static final String CHILD = "C101";

    private CorpusScenario() {
    }

    static void post(HttpApi api) {
        ok(api.post("/api/v1/units", Map.of("code", PARENT, "name", "语料上级单位", "type", "ADMINISTRATIVE")));
        ok(api.post("/api/v1/units", Map.of("code", CHILD, "name", "语料下属单位", "parent", PARENT, "type", "PUBLIC_SERVICE_1")));
        ok(api.send("PATCH", "/api/v1/units/" + CHILD, "{\"name\":\"语料下属单位（更名）\",\"effective\":\"2023-07-01\"}"));
        ok(api.post("/api/v1/catalog/subjects", Map.of("code", "2140188", "name", "语料新增项")));

        String y = "2023";
        tx(api, "APPROPRIATE", "a1", PARENT, y + "-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT",
                "project", "业务工作经费", "amount", "100000.00");
        tx(api, "APPROPRIATE", "a2", PARENT, y + "-01-10", "fund", "GENERAL_BUDGET", "subject", "2140188", "kind", "BASIC",
                "amount", "50000.00");
        tx(api, "ADJUST", "j1", PARENT, y + "-03-01", "line", "a1", "amount", "5000.00", "reason", "追加");
        tx(api, "TRANSFER", "t1", PARENT, y + "-03-02", "from", "a1", "to", "a2", "amount", "1000.00", "reason", "调剂");
        tx(api, "SET_LIMIT", "l1", PARENT, y + "-01-01", "category", "RECEPTION", "amount", "3000.00");
        tx(api, "PAY", "p1", PARENT, y + "-04-10", "line", "a1", "economic", "30201", "amount", "2000.00", "payee", "某公司",
                "method", "DIRECT");
        tx(api, "PAY", "p2", PARENT, y + "-05-10", "line", "a2", "economic", "30217", "amount", "500.00", "memo", "公务接待");
        tx(api, "REFUND", "r1", PARENT, y + "-06-01", "payment", "p1", "amount", "100.00");
        tx(api, "RECEIVE", "i1", PARENT, y + "-03-01", "fund", "BUSINESS", "subject", "2140199", "amount", "800.00");
        tx(api, "USE_RESERVE", "u1", PARENT, y + "-03-02", "fund", "BUSINESS", "subject", "2140199", "amount", "100.00");
        tx(api, "DISTRIBUTE_SURPLUS", "d1", PARENT, y + "-12-01", "fund", "BUSINESS", "subject", "2140199", "amount", "200.00");
        // SPEC §14: a contract reserved, paid in part under it (a 政府采购 of SPEC §15), released in part; the rest moves
        // to the next year with the carry-over
        tx(api, "COMMIT", "k1", PARENT, y + "-06-01", "line", "a1", "amount", "3000.00", "contract", "HT-2023-01",
                "payee", "某供应商", "schedule", List.of(Map.of("date", y + "-07-01", "amount", "1000.00"),
                        Map.of("date", y + "-11-01", "amount", "2000.00")));
        tx(api, "PAY", "p3", PARENT, y + "-07-02", "line", "a1", "economic", "30227", "amount", "1000.00", "payee", "某供应商",
                "commitment", "k1", "procurement", Map.of("category", "SERVICES", "award", "SMALL_MICRO"));
        tx(api, "RELEASE", "k1r", PARENT, y + "-09-01", "commitment", "k1", "amount", "500.00");
        tx(api, "PAY", "p4", PARENT, y + "-09-10", "line", "a2", "economic", "30215", "amount", "300.00",
                "activity", Map.of("count", 1, "persons", 20));
        ok(api.send("PUT", "/api/v1/units/" + PARENT + "/years/2023/profile",
                "{\"functions\":\"语料单位的职责\",\"organisation\":\"语料单位的机构设置\"}"));
        ok(api.postFiles("/api/v1/units/" + PARENT + "/years/2023/reference", Map.of("T09.csv",
                ("kind,total,abroad,vehicle_subtotal,vehicle_purchase,vehicle_operation,reception\n"
                        + "actual,2.01,0,1.60,0,1.60,0.41\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        tx(api, "CARRY_OVER", "c1", PARENT, null);

        tx(api, "OPENING_BALANCE", "o1", CHILD, y + "-01-01", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "BASIC",
                "amount", "3000.00");
        tx(api, "APPROPRIATE", "a1", CHILD, y + "-01-15", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "BASIC",
                "amount", "20000.00");
        tx(api, "PAY", "p1", CHILD, y + "-02-15", "line", "o1", "economic", "30101", "amount", "1200.00", "voucher", "记-0001");
        tx(api, "PAY", "p2", CHILD, y + "-08-15", "line", "a1", "economic", "30201", "amount", "800.00");
        // a commitment of the opening line (期初, origin OPENING) carried over: its event names that origin (version 2)
        tx(api, "COMMIT", "k2", CHILD, y + "-10-01", "line", "o1", "amount", "600.00", "contract", "HT-2023-02");
        tx(api, "CARRY_OVER", "c2", CHILD, null);
    }

    private static void tx(HttpApi api, String type, String id, String unit, String date, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("unit", unit);
        body.put("year", 2023);
        if (date != null) {
            body.put("date", date);
        }
        for (int n = 0; n < fields.length; n += 2) {
            body.put((String) fields[n], fields[n + 1]);
        }
        ok(api.post("/api/v1/transactions", body));
    }

    private static void ok(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isIn(List.of(200, 201));
    }
}
