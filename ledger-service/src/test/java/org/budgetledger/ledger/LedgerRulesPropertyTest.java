package org.budgetledger.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import org.axonframework.common.caching.Cache;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.budgetyear.BudgetYearId;
import org.budgetledger.ledger.posting.AmountText;
import org.budgetledger.ledger.posting.AdjustRequest;
import org.budgetledger.ledger.posting.AppropriateRequest;
import org.budgetledger.ledger.posting.PayRequest;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.RefundRequest;
import org.budgetledger.ledger.posting.SetLimitRequest;
import org.budgetledger.ledger.posting.TransactionPosting;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.ledger.posting.TransferRequest;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.web.security.Caller;
import org.budgetledger.ledger.units.Unit;
import org.budgetledger.ledger.units.UnitRegister;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of valid and invalid transactions against a small in-memory model of SPEC §4: the
 * ledger accepts exactly what the model accepts, with the model's error code, ends with the model's line
 * states, and stores nothing for what it rejected. Budget years are snapshotted every few events and
 * dropped from memory at random steps, so that decisions are also made on budget years loaded from a
 * snapshot: a snapshot never changes a decision.
 */
class LedgerRulesPropertyTest {

    /** Budget years are snapshotted this often, so that most restarts load one from a snapshot. */
    private static final int SNAPSHOT_EVENTS = 3;

    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext ledger() {
        if (context == null) {
            Map<String, Object> properties = new HashMap<>(SharedInfrastructure.properties());
            properties.putAll(org.budgetledger.testing.TestUsers.keys());
            context = new SpringApplicationBuilder(LedgerServiceApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(properties)
                    // an argument: the ledger's own defaults take precedence over the builder's properties
                    .run("--budgetledger.ledger.budget-year-snapshot-events=" + SNAPSHOT_EVENTS);
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * One step: what to do, on which (possibly missing) line or payment, with which amount in fen; with
     * {@code restart}, the budget year is first dropped from memory, as by a restart, so that it is loaded
     * again from its latest snapshot and the events after it.
     */
    record Step(String type, int target, int other, long amountFen, boolean fiscal, boolean reception, boolean restart) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of("APPROPRIATE", "APPROPRIATE", "ADJUST", "TRANSFER", "PAY", "PAY", "PAY", "REFUND", "SET_LIMIT"),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.longs().between(1, 100_000)),
                        Tuple.of(1, Arbitraries.longs().between(-1_000, 0))),
                Arbitraries.of(true, true, false), Arbitraries.of(true, false, false), Arbitraries.of(true, false, false)
        ).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 40)
    void the_ledger_decides_like_the_model(@ForAll("histories") List<Step> history) {
        TransactionPosting posting = ledger().getBean(TransactionPosting.class);
        JdbcClient jdbc = ledger().getBean(JdbcClient.class);
        Cache budgetYears = ledger().getBean("budgetYearCache", Cache.class);
        String unit = "P" + UUID.randomUUID().toString().substring(0, 8);
        ledger().getBean(UnitRegister.class).register(new Unit(unit, "性质测试"), "property-test");
        Model model = new Model();
        for (int n = 0; n < history.size(); n++) {
            Step step = history.get(n);
            String id = unit + "-" + n;
            if (step.restart()) {
                String budgetYear = BudgetYearId.of(unit, 2023);
                boolean snapshotted = jdbc.sql("SELECT count(*) FROM ledger.snapshot_event_entry WHERE aggregateIdentifier = ?")
                        .param(budgetYear).query(Long.class).single() > 0;
                Statistics.label("restart").collect(snapshotted ? "from a snapshot" : "from the events");
                budgetYears.remove(budgetYear);
            }
            TransactionRequest request = model.request(step, id, unit);
            String expected = model.decide(step, id);
            String actual;
            PostingAnswer answer = posting.post(request, Caller.system("property"));
            actual = answer instanceof PostingAnswer.Refused refused ? refused.rejection().code().name() : "ACCEPTED";
            Statistics.label("decision").collect(expected);
            assertThat(actual).as("step %d %s", n, step).isEqualTo(expected);
            if (!expected.equals("ACCEPTED")) {
                assertThat(jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?").param(id)
                        .query(Long.class).single()).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id = ?").param(id)
                        .query(Long.class).single()).isZero();
            }
        }
        Statistics.label("restart").coverage(coverage -> coverage.check("from a snapshot").count(count -> count > 0));
        for (Map.Entry<String, Model.Line> line : model.lines.entrySet()) {
            Map<String, Object> stored = jdbc.sql("SELECT initial_fen, adjustments_fen, paid_fen FROM ledger.budget_line WHERE id = ?")
                    .param(line.getKey()).query().singleRow();
            assertThat(List.of(stored.get("initial_fen"), stored.get("adjustments_fen"), stored.get("paid_fen")))
                    .as("line %s", line.getKey())
                    .isEqualTo(List.of(line.getValue().initial, line.getValue().adjustments, line.getValue().paid));
        }
    }

    /** SPEC §4 for these types, as plainly as it can be written. */
    static final class Model {
        static final class Line {
            final boolean fiscal;
            final long initial;
            long adjustments;
            long paid;

            Line(boolean fiscal, long initial) {
                this.fiscal = fiscal;
                this.initial = initial;
            }

            long available() {
                return initial + adjustments - paid;
            }
        }

        record Payment(String line, boolean reception, long amount, long[] refunded) {
        }

        final Map<String, Line> lines = new HashMap<>();
        final List<String> lineIds = new ArrayList<>();
        final List<String> paymentIds = new ArrayList<>();
        final Map<String, Payment> payments = new HashMap<>();
        long receptionLimit;
        long receptionSpent;

        private String line(int index) {
            return index < lineIds.size() ? lineIds.get(index) : "missing-line-" + index;
        }

        private String payment(int index) {
            return index < paymentIds.size() ? paymentIds.get(index) : "missing-payment-" + index;
        }

        TransactionRequest request(Step step, String id, String unit) {
            AmountText amount = new AmountText(Money.ofFen(signed(step)).toYuanString());
            return switch (step.type()) {
                case "APPROPRIATE" -> new AppropriateRequest(id, unit, 2023, "2023-01-01", null, null,
                        step.fiscal() ? "GENERAL_BUDGET" : "OTHER", "2140199", "BASIC", null, null, amount);
                case "ADJUST" -> new AdjustRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()), amount,
                        "调整");
                case "TRANSFER" -> new TransferRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()),
                        line(step.other()), amount, "调剂");
                case "PAY" -> new PayRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()),
                        step.reception() ? "30217" : "30201", amount, null, null, null);
                case "REFUND" -> new RefundRequest(id, unit, 2023, "2023-07-01", null, null, payment(step.target()), amount);
                case "SET_LIMIT" -> new SetLimitRequest(id, unit, 2023, "2023-01-01", null, null, "RECEPTION", amount);
                default -> throw new IllegalArgumentException(step.type());
            };
        }

        /** ADJUST adds or cuts (the unused second index picks which); every other type sends the amount as drawn. */
        static long signed(Step step) {
            return step.type().equals("ADJUST") && step.other() % 2 == 1 ? -step.amountFen() : step.amountFen();
        }

        String decide(Step step, String id) {
            long amount = signed(step);
            switch (step.type()) {
                case "APPROPRIATE" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    lines.put(id, new Line(step.fiscal(), amount));
                    lineIds.add(id);
                }
                case "ADJUST" -> {
                    if (amount == 0) {
                        return "INVALID_AMOUNT";
                    }
                    Line line = lines.get(line(step.target()));
                    if (line == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (line.initial + line.adjustments + amount < line.paid) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    line.adjustments += amount;
                }
                case "TRANSFER" -> {
                    if (line(step.target()).equals(line(step.other()))) {
                        return "VALIDATION_FAILED";
                    }
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    Line from = lines.get(line(step.target()));
                    Line to = lines.get(line(step.other()));
                    if (from == null || to == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (from.fiscal != to.fiscal) {
                        return "INVALID_FUND";
                    }
                    if (from.available() < amount) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    from.adjustments -= amount;
                    to.adjustments += amount;
                }
                case "PAY" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    Line line = lines.get(line(step.target()));
                    if (line == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (line.available() < amount) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    boolean limited = line.fiscal && step.reception();
                    if (limited && receptionSpent + amount > receptionLimit) {
                        return "THREE_PUBLIC_LIMIT_EXCEEDED";
                    }
                    line.paid += amount;
                    if (limited) {
                        receptionSpent += amount;
                    }
                    payments.put(id, new Payment(line(step.target()), limited, amount, new long[1]));
                    paymentIds.add(id);
                }
                case "REFUND" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    Payment payment = payments.get(payment(step.target()));
                    if (payment == null) {
                        return "UNKNOWN_PAYMENT";
                    }
                    if (payment.refunded()[0] + amount > payment.amount()) {
                        return "REFUND_EXCEEDS_PAYMENT";
                    }
                    payment.refunded()[0] += amount;
                    lines.get(payment.line()).paid -= amount;
                    if (payment.reception()) {
                        receptionSpent -= amount;
                    }
                }
                case "SET_LIMIT" -> {
                    if (amount < 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (amount < receptionSpent) {
                        return "LIMIT_BELOW_SPENDING";
                    }
                    receptionLimit = amount;
                }
                default -> throw new IllegalArgumentException(step.type());
            }
            return "ACCEPTED";
        }
    }
}
