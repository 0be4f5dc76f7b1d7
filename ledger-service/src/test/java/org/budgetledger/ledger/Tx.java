package org.budgetledger.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies of transactions, as a client writes them. */
public final class Tx {

    private Tx() {
    }

    public static Map<String, Object> of(String type, String id, String unit, int year, String date, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("unit", unit);
        body.put("year", year);
        if (date != null) {
            body.put("date", date);
        }
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    public static Map<String, Object> appropriate(String id, String unit, int year, String fund, String amount) {
        return of("APPROPRIATE", id, unit, year, year + "-01-10", "fund", fund, "subject", "2140199",
                "kind", "BASIC", "amount", amount);
    }

    public static Map<String, Object> pay(String id, String unit, int year, String line, String economic, String amount) {
        return of("PAY", id, unit, year, year + "-06-10", "line", line, "economic", economic, "amount", amount);
    }
}
