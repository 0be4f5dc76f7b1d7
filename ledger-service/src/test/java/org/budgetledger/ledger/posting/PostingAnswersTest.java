package org.budgetledger.ledger.posting;

import org.budgetledger.web.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.caching.Cache;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.ledger.budgetyear.BudgetYearId;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A transaction is answered the same whichever way it comes: a single POST, or an item of a batch. */
class PostingAnswersTest extends LedgerIntegrationTest {

    @Autowired
    @Qualifier("budgetYearCache")
    Cache budgetYears;

    private HttpApi api;
    private String unit;

    @BeforeEach
    void registerUnit() {
        api = api();
        unit = newUnit("M");
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a", unit, 2023, "GENERAL_BUDGET", "100.00")).status())
                .isEqualTo(201);
    }

    @Test
    void a_single_post_and_a_batch_item_are_answered_alike() {
        assertThat(api.post("/api/v1/transactions", Tx.pay("p0", unit, 2023, "a", "30201", "1.00")).status()).isEqualTo(201);
        List<Map<String, Object>> transactions = List.of(
                Tx.pay("p1", unit, 2023, "a", "30201", "99.01"),                  // the budget year's rule
                Tx.pay("p2", unit, 2023, "nope", "30201", "1.00"),                // another rule of it
                Tx.pay("p3", unit, 2023, "a", "30201", "-1.00"),                  // validation
                Tx.of("PAY", "p4", unit, 2023, "2023-02-10", "line", "a", "economic", "30201"), // a field missing
                Tx.pay("p0", unit, 2023, "a", "30201", "2.00"),                   // idempotency conflict
                Tx.pay("p0", unit, 2023, "a", "30201", "1.00"));                  // a repeat
        for (Map<String, Object> transaction : transactions) {
            Answer single = api.post("/api/v1/transactions", transaction);
            Answer batch = api.post("/api/v1/transactions:batch", Map.of("transactions", List.of(transaction)));

            assertThat(batch.status()).isEqualTo(200);
            JsonNode item = batch.body().path("results").get(0);
            assertThat(item.path("status").asInt()).as("%s", transaction).isEqualTo(single.status());
            JsonNode itemBody = single.status() < 300 ? item.path("result") : item.path("problem");
            // the single POST's problem names the request it answers; a batch item's is inside the batch's answer
            JsonNode singleBody = single.body().deepCopy();
            ((ObjectNode) singleBody).remove("instance");
            assertThat(itemBody).as("%s", transaction).isEqualTo(singleBody);
        }
    }

    @Test
    void a_rejected_transaction_leaves_its_budget_year_in_memory() {
        String budgetYear = BudgetYearId.of(unit, 2023);
        assertThat(budgetYears.containsKey(budgetYear)).isTrue();

        Answer rejected = api.post("/api/v1/transactions", Tx.pay("p1", unit, 2023, "a", "30201", "100.01"));

        assertThat(rejected.code()).isEqualTo("INSUFFICIENT_BALANCE");
        // a rejection is a value, not an exception: the unit of work commits nothing and evicts nothing
        assertThat(budgetYears.containsKey(budgetYear)).isTrue();
    }

    @Autowired
    TransactionPosting posting;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void a_transaction_is_counted_once_by_how_it_was_answered() {
        double acceptedBefore = counted("accepted", "none");
        double rejectedBefore = counted("rejected", "INSUFFICIENT_BALANCE");
        ObjectMapper json = new ObjectMapper();
        List<TransactionRequests.Decoded> items = List.of(
                new TransactionRequests.Readable(json.convertValue(Tx.pay("w1", unit, 2023, "a", "30201", "1.00"), TransactionRequest.class)),
                new TransactionRequests.Readable(json.convertValue(Tx.pay("w2", unit, 2023, "a", "30201", "500.00"), TransactionRequest.class)));

        List<PostingAnswer> answers = posting.post(items, Caller.system("counts"), true, decided -> {
        });

        assertThat(answers.get(0)).isInstanceOf(PostingAnswer.Withdrawn.class);
        assertThat(answers.get(1)).isInstanceOf(PostingAnswer.Refused.class);
        // w1 was never stored: its run was withdrawn, so it is no acceptance
        assertThat(counted("accepted", "none")).isEqualTo(acceptedBefore);
        assertThat(counted("rejected", "INSUFFICIENT_BALANCE")).isEqualTo(rejectedBefore + 1);
    }

    private double counted(String outcome, String code) {
        io.micrometer.core.instrument.Counter counter = meters.find("budgetledger.transactions")
                .tags("type", "PAY", "outcome", outcome, "code", code).counter();
        return counter == null ? 0 : counter.count();
    }
}
