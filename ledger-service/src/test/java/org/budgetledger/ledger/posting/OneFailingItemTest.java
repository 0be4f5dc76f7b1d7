package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.Concurrently;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.budgetledger.testing.TestUsers;
import org.budgetledger.web.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single POSTs are committed in groups; one POST that fails, for whatever reason of its own, is that POST's
 * answer alone: every other POST of its group is decided and committed as if it had not been there.
 */
class OneFailingItemTest extends LedgerIntegrationTest {

    private static final String LARGEST_AMOUNT = "999999999999999.99";
    private static final int ROUNDS = 4;
    private static final int PAYMENTS_PER_ROUND = 24;
    private static final int RECEIPTS_PER_ROUND = 4;

    @Autowired
    TransactionPosting posting;

    @Test
    void receipts_beyond_the_amount_limit_beside_another_units_payments_fail_alone() throws Exception {
        HttpApi admin = api();
        String receiving = newUnit("R");
        // as many of the largest receipts as a unit-year takes: once the ledger limits its totals, none
        for (int receipt = 0; receipt < 100; receipt++) {
            if (admin.post("/api/v1/transactions", receive("fill" + receipt, receiving)).status() != 201) {
                break;
            }
        }
        registerIfMissing(TestUsers.UNIT_A2);
        String line = "a-" + UUID.randomUUID();
        assertThat(admin.post("/api/v1/transactions", Tx.appropriate(line, TestUsers.UNIT_A2, 2023, "GENERAL_BUDGET",
                "100000.00")).status()).isEqualTo(201);
        HttpApi clerk = HttpApi.as(port, "clerk-a");

        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "r" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<Answer> answers = Concurrently.run(PAYMENTS_PER_ROUND + RECEIPTS_PER_ROUND, attempt ->
                    attempt % 7 == 3 ? admin.post("/api/v1/transactions", receive(prefix + "-x" + attempt, receiving))
                            : clerk.post("/api/v1/transactions", Tx.pay(prefix + "-p" + attempt, TestUsers.UNIT_A2, 2023,
                            line, "30201", "1.00")));

            for (int attempt = 0; attempt < answers.size(); attempt++) {
                Answer answer = answers.get(attempt);
                if (attempt % 7 == 3) {
                    assertThat(answer.status()).as("round %d, receipt %d: %s", round, attempt, answer.body()).isEqualTo(422);
                    assertThat(answer.code()).isEqualTo("AMOUNT_LIMIT_EXCEEDED");
                } else {
                    assertThat(answer.status()).as("round %d, payment %d: %s", round, attempt, answer.body()).isEqualTo(201);
                }
            }
            assertThat(stored(TestUsers.UNIT_A2, prefix + "-p%")).isEqualTo(PAYMENTS_PER_ROUND);
            assertThat(stored(receiving, prefix + "-x%")).isZero();
        }
    }

    @Test
    void a_transaction_the_database_refuses_fails_alone_in_its_group() throws Exception {
        String unit = newUnit("D");
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a", unit, 2023, "GENERAL_BUDGET", "1000.00")).status())
                .isEqualTo(201);
        // a principal longer than the column that records it: the authentication refuses such names, so only a
        // caller built here can get one this far
        Caller overlong = new Caller("x".repeat(201), Caller.system("x").roles(), Caller.system("x").units());
        Caller clerk = Caller.system("clerk");

        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "r" + round + "-";
            List<Object> outcomes = Concurrently.run(PAYMENTS_PER_ROUND, attempt -> {
                TransactionRequest request = payment(prefix + attempt, unit);
                try {
                    return posting.post(request, attempt % 6 == 1 ? overlong : clerk);
                } catch (RuntimeException failed) {
                    return failed;
                }
            });

            for (int attempt = 0; attempt < outcomes.size(); attempt++) {
                Object outcome = outcomes.get(attempt);
                if (attempt % 6 == 1) {
                    // answered with its own failure (500), not thrown into the others' answers
                    assertThat(outcome).as("round %d, overlong principal %d", round, attempt).isInstanceOf(PostingAnswer.Refused.class);
                    assertThat(((PostingAnswer.Refused) outcome).rejection().code()).isEqualTo(ProblemCode.INTERNAL_ERROR);
                } else {
                    assertThat(outcome).as("round %d, payment %d", round, attempt).isInstanceOf(PostingAnswer.Accepted.class);
                    assertThat(((PostingAnswer.Accepted) outcome).created()).isTrue();
                }
            }
            assertThat(stored(unit, prefix + "%")).isEqualTo(PAYMENTS_PER_ROUND - PAYMENTS_PER_ROUND / 6);
        }
    }

    private void registerIfMissing(String unit) {
        int status = api().post("/api/v1/units", Map.of("code", unit, "name", "测试单位")).status();
        assertThat(status).isIn(201, 409);
    }

    private long stored(String unit, String idPattern) {
        return jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = ? AND id LIKE ?")
                .params(unit, idPattern).query(Long.class).single();
    }

    private static Map<String, Object> receive(String id, String unit) {
        return Tx.of("RECEIVE", id, unit, 2023, "2023-03-01", "fund", "BUSINESS", "subject", "2140199",
                "amount", LARGEST_AMOUNT);
    }

    private static TransactionRequest payment(String id, String unit) {
        return new PayRequest(id, unit, 2023, "2023-06-10", null, null, "a", "30201", new AmountText("1.00"), null, null, null, null);
    }

}
