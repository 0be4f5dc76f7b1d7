package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.TransactionPosting;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.ledger.units.Unit;
import org.budgetledger.ledger.units.UnitRegister;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --budgetledger.demo=true}: posts the worked example — the 2023 history of 湖南省交通运输厅科技信息中心
 * whose reports equal its published 部门决算 tables — as the user {@code demo}. Idempotent: starting again with
 * the flag changes nothing. It refuses a unit-year that holds transactions of anyone else's: added to them,
 * its reports would no longer be the published ones while every 勾稽 check still passed.
 */
@Component
@ConditionalOnProperty("budgetledger.demo")
class DemoData implements ApplicationRunner {

    static final String HISTORY = "/demo/hunan-2023.json";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Units units;
    private final UnitRegister register;
    private final TransactionPosting posting;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    DemoData(Units units, UnitRegister register, TransactionPosting posting, ObjectMapper json, JdbcClient jdbc) {
        this.units = units;
        this.register = register;
        this.posting = posting;
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        JsonNode history = read();
        JsonNode unit = history.path("unit");
        refuseOtherData(history);
        if (!units.exists(unit.path("code").asText())) {
            register.register(new Unit(unit.path("code").asText(), unit.path("name").asText()), "demo");
        }
        int created = 0;
        for (JsonNode transaction : history.path("transactions")) {
            PostingAnswer answer;
            try {
                answer = posting.post(json.treeToValue(transaction, TransactionRequest.class), Caller.system("demo"));
            } catch (IOException unreadable) {
                throw new IllegalStateException("the demo history was refused at " + transaction.path("id").asText(), unreadable);
            }
            if (answer instanceof PostingAnswer.Refused refused) {
                throw new IllegalStateException("the demo history was refused at " + transaction.path("id").asText()
                        + ": " + refused.rejection().code() + " " + refused.rejection().detail());
            }
            if (answer instanceof PostingAnswer.Accepted accepted && accepted.created()) {
                created++;
            }
        }
        log.info("event=demo_loaded unit={} transactions={} new={}", unit.path("code").asText(),
                history.path("transactions").size(), created);
    }

    private void refuseOtherData(JsonNode history) {
        String unit = history.path("unit").path("code").asText();
        Set<String> demoIds = new HashSet<>();
        Set<Integer> years = new TreeSet<>();
        history.path("transactions").forEach(transaction -> {
            demoIds.add(transaction.path("id").asText());
            years.add(transaction.path("year").asInt());
        });
        for (int year : years) {
            List<String> others = jdbc.sql("SELECT id FROM ledger.posted_transaction WHERE unit = ? AND year = ? ORDER BY id")
                    .params(unit, year).query(String.class).stream().filter(id -> !demoIds.contains(id)).toList();
            if (!others.isEmpty()) {
                throw new IllegalStateException("--budgetledger.demo refused: unit " + unit + " already has " + others.size()
                        + " transaction(s) of " + year + " that are not the demo's (" + String.join(", ",
                        others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", ..." : "")
                        + "); the demo's reports would include them and no longer equal the published tables."
                        + " Start the demo on a data directory of its own: --budgetledger.data-dir=demo-data");
            }
        }
    }

    static JsonNode read() {
        try (InputStream in = Objects.requireNonNull(DemoData.class.getResourceAsStream(HISTORY), HISTORY)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
