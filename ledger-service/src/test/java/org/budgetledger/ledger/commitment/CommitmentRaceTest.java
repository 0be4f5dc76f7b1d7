package org.budgetledger.ledger.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.Concurrently;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §14: available = budget − paid − committed ≥ 0 on a line under any interleaving of concurrent requests.
 * Threads race payments with and without a commitment, commitments and releases on one line, as single POSTs and
 * in batches; asked for more than the line and its first commitment hold, the ledger refuses some, and what it
 * accepted, folded in the order it stored it, never takes the line's available or a commitment's open rest below 0
 * and adds up to the line's and the commitments' stored amounts.
 */
class CommitmentRaceTest extends LedgerIntegrationTest {

    private static final int THREADS = 48;
    private static final long BUDGET_FEN = 1000_00;
    private static final long FIRST_COMMITMENT_FEN = 300_00;

    /** One transaction of the race, and what the ledger answered. */
    private record Outcome(String id, String type, long amountFen, String commitment, int status, String code,
                           long sequence) {
    }

    @Test
    void payments_commitments_and_releases_racing_on_one_line_never_overspend_it_or_a_commitment() throws Exception {
        HttpApi api = api();
        String unit = newUnit("R");
        assertThat(api.post("/api/v1/transactions", Tx.appropriate("a1", unit, 2023, "GENERAL_BUDGET",
                Money.ofFen(BUDGET_FEN).toYuanString())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", commit("k0", unit, FIRST_COMMITMENT_FEN)).status()).isEqualTo(201);

        // on available: 8 × 25 + 8 × 60 + 8 × (10 + 40) = 1080 asked, at most 700 + 160 released there;
        // on k0: 8 × (20 + 15 + 10 + 5) = 400 asked of 300
        List<List<Outcome>> raced = Concurrently.run(THREADS, attempt -> switch (attempt % 6) {
            case 0 -> List.of(single(api, "p" + attempt, Tx.pay("p" + attempt, unit, 2023, "a1", "30201", "25.00")));
            case 1 -> List.of(single(api, "k" + attempt, commit("k" + attempt, unit, 60_00)));
            case 2 -> List.of(single(api, "q" + attempt, payUnder("q" + attempt, unit, 20_00, "k0")));
            case 3 -> List.of(single(api, "r" + attempt, release("r" + attempt, unit, 15_00, "k0")));
            case 4 -> batch(api, List.of(Tx.pay("bp" + attempt, unit, 2023, "a1", "30201", "10.00"),
                    commit("bk" + attempt, unit, 40_00), payUnder("bq" + attempt, unit, 10_00, "k0"),
                    release("br" + attempt, unit, 5_00, "k0")));
            // under the commitment another thread is making: not there yet, or there with 60.00 to pay
            default -> List.of(single(api, "u" + attempt, payUnder("u" + attempt, unit, 30_00, "k" + (attempt - 4))));
        });

        List<Outcome> outcomes = raced.stream().flatMap(List::stream).toList();
        assertThat(outcomes).filteredOn(outcome -> outcome.status() != 201).extracting(Outcome::code)
                .isSubsetOf("INSUFFICIENT_BALANCE", "COMMITMENT_EXCEEDED", "UNKNOWN_COMMITMENT")
                .contains("INSUFFICIENT_BALANCE", "COMMITMENT_EXCEEDED");
        for (Outcome refused : outcomes.stream().filter(outcome -> outcome.status() != 201).toList()) {
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE unit = ? AND transaction_id = ?")
                    .params(unit, refused.id()).query(Long.class).single()).as("stored of %s", refused).isZero();
        }

        // what was accepted, in the order it was stored, keeps every amount within what held it
        long paidFen = 0;
        long committedFen = FIRST_COMMITMENT_FEN;
        Map<String, Long> openFen = new HashMap<>(Map.of("k0", FIRST_COMMITMENT_FEN));
        List<Outcome> accepted = new ArrayList<>(outcomes.stream().filter(outcome -> outcome.status() == 201).toList());
        accepted.sort(Comparator.comparingLong(Outcome::sequence));
        for (Outcome outcome : accepted) {
            switch (outcome.type()) {
                case "PAY" -> {
                    paidFen += outcome.amountFen();
                    if (outcome.commitment() != null) {
                        committedFen -= outcome.amountFen();
                        openFen.merge(outcome.commitment(), -outcome.amountFen(), Long::sum);
                    }
                }
                case "COMMIT" -> {
                    committedFen += outcome.amountFen();
                    openFen.put(outcome.id(), outcome.amountFen());
                }
                case "RELEASE" -> {
                    committedFen -= outcome.amountFen();
                    openFen.merge(outcome.commitment(), -outcome.amountFen(), Long::sum);
                }
                default -> throw new IllegalStateException(outcome.type());
            }
            assertThat(BUDGET_FEN - paidFen - committedFen).as("available after %s", outcome).isNotNegative();
            assertThat(openFen.values()).as("open rests after %s", outcome).allMatch(open -> open >= 0);
        }
        JsonNode line = api.get("/api/v1/budget-lines/a1?unit=" + unit).body();
        assertThat(List.of(line.path("paid").asText(), line.path("committed").asText(), line.path("available").asText()))
                .containsExactly(yuan(paidFen), yuan(committedFen), yuan(BUDGET_FEN - paidFen - committedFen));
        Map<String, String> storedOpen = new HashMap<>();
        api.get("/api/v1/commitments?unit=" + unit).body()
                .forEach(commitment -> storedOpen.put(commitment.path("id").asText(), commitment.path("open").asText()));
        Map<String, String> foldedOpen = new HashMap<>();
        openFen.forEach((id, open) -> foldedOpen.put(id, yuan(open)));
        assertThat(storedOpen).isEqualTo(foldedOpen);
    }

    private static Outcome single(HttpApi api, String id, Map<String, Object> transaction) {
        Answer answer = api.post("/api/v1/transactions", transaction);
        JsonNode sequence = answer.body().path("sequence");
        return outcome(transaction, answer.status(), answer.status() == 201 ? "" : answer.code(),
                sequence.isArray() && !sequence.isEmpty() ? sequence.get(0).asLong() : -1);
    }

    private static List<Outcome> batch(HttpApi api, List<Map<String, Object>> transactions) {
        Answer answer = api.post("/api/v1/transactions:batch", Map.of("transactions", transactions));
        assertThat(answer.status()).isEqualTo(200);
        List<Outcome> outcomes = new ArrayList<>();
        for (int index = 0; index < transactions.size(); index++) {
            JsonNode item = answer.body().path("results").get(index);
            int status = item.path("status").asInt();
            outcomes.add(outcome(transactions.get(index), status, item.path("problem").path("code").asText(),
                    status == 201 ? item.path("result").path("sequence").get(0).asLong() : -1));
        }
        return outcomes;
    }

    private static Outcome outcome(Map<String, Object> transaction, int status, String code, long sequence) {
        return new Outcome((String) transaction.get("id"), (String) transaction.get("type"),
                Money.parseYuan((String) transaction.get("amount")).fen(), (String) transaction.get("commitment"), status,
                code, sequence);
    }

    private static Map<String, Object> commit(String id, String unit, long amountFen) {
        return Tx.of("COMMIT", id, unit, 2023, "2023-03-01", "line", "a1", "amount", Money.ofFen(amountFen).toYuanString());
    }

    private static Map<String, Object> payUnder(String id, String unit, long amountFen, String commitment) {
        return Tx.of("PAY", id, unit, 2023, "2023-06-10", "line", "a1", "economic", "30201",
                "amount", Money.ofFen(amountFen).toYuanString(), "commitment", commitment);
    }

    private static Map<String, Object> release(String id, String unit, long amountFen, String commitment) {
        return Tx.of("RELEASE", id, unit, 2023, "2023-06-10", "commitment", commitment,
                "amount", Money.ofFen(amountFen).toYuanString());
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
