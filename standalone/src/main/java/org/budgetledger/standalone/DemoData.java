package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.ledger.posting.PostingService;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.ledger.units.Unit;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code --budgetledger.demo=true}: posts the worked example — the 2023 history of 湖南省交通运输厅科技信息中心
 * whose reports equal its published 部门决算 tables — as the user {@code demo}. Idempotent: starting again with
 * the flag changes nothing.
 */
@Component
@ConditionalOnProperty("budgetledger.demo")
class DemoData implements ApplicationRunner {

    static final String HISTORY = "/demo/hunan-2023.json";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Units units;
    private final PostingService posting;
    private final ObjectMapper json;

    DemoData(Units units, PostingService posting, ObjectMapper json) {
        this.units = units;
        this.posting = posting;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        JsonNode history = read();
        JsonNode unit = history.path("unit");
        units.register(new Unit(unit.path("code").asText(), unit.path("name").asText()));
        int created = 0;
        for (JsonNode transaction : history.path("transactions")) {
            try {
                if (posting.post(json.treeToValue(transaction, TransactionRequest.class), Caller.system("demo")).created()) {
                    created++;
                }
            } catch (IOException | ApiProblem refused) {
                throw new IllegalStateException("the demo history was refused at " + transaction.path("id").asText(), refused);
            }
        }
        log.info("event=demo_loaded unit={} transactions={} new={}", unit.path("code").asText(),
                history.path("transactions").size(), created);
    }

    static JsonNode read() {
        try (InputStream in = Objects.requireNonNull(DemoData.class.getResourceAsStream(HISTORY), HISTORY)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
