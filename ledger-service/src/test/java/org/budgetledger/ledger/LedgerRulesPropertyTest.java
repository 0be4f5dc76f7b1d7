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
import org.budgetledger.ledger.posting.CarryOverRequest;
import org.budgetledger.ledger.posting.CommitRequest;
import org.budgetledger.ledger.posting.PayRequest;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.RefundRequest;
import org.budgetledger.ledger.posting.ReleaseRequest;
import org.budgetledger.ledger.posting.ScheduledPaymentText;
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
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of valid and invalid transactions against a small in-memory model of SPEC §4 and §14: the
 * ledger accepts exactly what the model accepts, with the model's error code, ends with the model's line and
 * commitment states, and stores nothing for what it rejected. Every line keeps available = budget − paid −
 * committed ≥ 0, and what it has committed is exactly what its commitments hold open (every accepted amount is
 * accounted for). Half the histories end with a CARRY_OVER, after which the closed year takes nothing and the next
 * one pays under the commitments it received, up to what was open of them. Budget years are snapshotted every few
 * events and dropped from memory at random steps, so that decisions are also made on budget years loaded from a
 * snapshot: a snapshot never changes a decision.
 */
class LedgerRulesPropertyTest {

    /** Budget years are snapshotted this often, so that most restarts load one from a snapshot. */
    private static final int SNAPSHOT_EVENTS = 3;

    private static ConfigurableApplicationContext context;

    private static synchronized ConfigurableApplicationContext ledger() {
        if (context == null) {
            Map<String, Object> properties = new HashMap<>(SharedInfrastructure.properties());
            properties.put("budgetledger.integrity.key", org.budgetledger.testing.TestUsers.INTEGRITY_KEY);
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
     * One step: what to do, on which (possibly missing) line, payment or commitment, with which amount in fen; with
     * {@code restart}, the budget year is first dropped from memory, as by a restart, so that it is loaded again from
     * its latest snapshot and the events after it. {@code PAY_UNDER} is a PAY that names a commitment.
     */
    record Step(String type, int target, int other, long amountFen, boolean fiscal, boolean reception, boolean restart) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequency(Tuple.of(2, "APPROPRIATE"), Tuple.of(1, "ADJUST"), Tuple.of(1, "TRANSFER"),
                        Tuple.of(3, "PAY"), Tuple.of(1, "REFUND"), Tuple.of(1, "SET_LIMIT"), Tuple.of(3, "COMMIT"),
                        Tuple.of(4, "PAY_UNDER"), Tuple.of(2, "RELEASE")),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.longs().between(1, 100_000)),
                        Tuple.of(1, Arbitraries.longs().between(-1_000, 0))),
                Arbitraries.of(true, true, false), Arbitraries.of(true, false, false), Arbitraries.of(true, false, false)
        ).as(Step::new);
        // every history starts with a fiscal line and two commitments of it, so that payments and releases under
        // commitments mostly find one; what follows is drawn
        List<Step> start = List.of(new Step("APPROPRIATE", 0, 0, 1_000_000, true, false, false),
                new Step("COMMIT", 0, 0, 300_000, true, false, false), new Step("COMMIT", 0, 1, 200_000, true, false, false));
        return step.list().ofMinSize(10).ofMaxSize(40)
                .map(drawn -> java.util.stream.Stream.concat(start.stream(), drawn.stream()).toList());
    }

    @Property(tries = 40)
    void the_ledger_decides_like_the_model(@ForAll("histories") List<Step> history, @ForAll boolean carryOver) {
        TransactionPosting posting = ledger().getBean(TransactionPosting.class);
        JdbcClient jdbc = ledger().getBean(JdbcClient.class);
        Cache budgetYears = ledger().getBean("budgetYearCache", Cache.class);
        String unit = "P" + UUID.randomUUID().toString().substring(0, 8);
        ledger().getBean(UnitRegister.class).register(new Unit(unit, "性质测试"), "property-test");
        Model model = new Model(2023);
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
            Statistics.label("decision").collect(step.type() + " " + expected);
            assertDecided(posting, jdbc, request, expected, "step " + n + " " + step);
        }
        Statistics.label("restart").coverage(coverage -> coverage.check("from a snapshot").count(count -> count > 0));
        assertStored(jdbc, unit, model);
        if (carryOver) {
            Model next = model.carryOver();
            assertDecided(posting, jdbc, new CarryOverRequest(unit + "-c", unit, 2023, null, null, null), "ACCEPTED", "carry-over");
            afterCarryOver(posting, jdbc, unit, model, next);
            assertStored(jdbc, unit, model);
            assertStored(jdbc, unit, next);
        }
    }

    /**
     * The closed year takes no commitment nor payment under one; the next year pays under each commitment it received
     * what was open of it, and not a fen more.
     */
    private static void afterCarryOver(TransactionPosting posting, JdbcClient jdbc, String unit, Model closed, Model next) {
        Step commitAfterClosing = new Step("COMMIT", 0, 0, 100, true, false, false);
        assertDecided(posting, jdbc, closed.request(commitAfterClosing, unit + "-late1", unit),
                closed.decide(commitAfterClosing, unit + "-late1"), "a commitment in the closed year");
        Step payAfterClosing = new Step("PAY_UNDER", 0, 1, 100, true, false, false);
        assertDecided(posting, jdbc, closed.request(payAfterClosing, unit + "-late2", unit),
                closed.decide(payAfterClosing, unit + "-late2"), "a payment under a commitment in the closed year");
        int n = 0;
        for (String commitment : List.copyOf(next.commitmentIds)) {
            Model.Commitment carried = next.commitments.get(commitment);
            for (long amountFen : new long[]{carried.open() + 1, carried.open()}) {
                String id = unit + "-n" + n++;
                TransactionRequest request = new PayRequest(id, unit, 2024, "2024-03-01", null, null, carried.line,
                        "30201", new AmountText(Money.ofFen(amountFen).toYuanString()), null, null, null, commitment);
                assertDecided(posting, jdbc, request, next.payUnder(id, carried.line, commitment, amountFen, false),
                        "2024 payment of " + amountFen + " under " + commitment);
            }
        }
    }

    private static void assertDecided(TransactionPosting posting, JdbcClient jdbc, TransactionRequest request,
                                      String expected, String what) {
        PostingAnswer answer = posting.post(request, Caller.system("property"));
        String actual = answer instanceof PostingAnswer.Refused refused ? refused.rejection().code().name() : "ACCEPTED";
        assertThat(actual).as(what).isEqualTo(expected);
        if (!expected.equals("ACCEPTED")) {
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE id = ?").param(request.id())
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE transaction_id = ?").param(request.id())
                    .query(Long.class).single()).isZero();
        }
    }

    /** The stored lines and commitments of the model's year are the model's, and their invariants hold. */
    private static void assertStored(JdbcClient jdbc, String unit, Model model) {
        for (Map.Entry<String, Model.Line> line : model.lines.entrySet()) {
            Map<String, Object> stored = jdbc.sql("""
                            SELECT initial_fen, adjustments_fen, paid_fen, committed_fen FROM ledger.budget_line
                            WHERE unit = ? AND id = ?""")
                    .params(unit, line.getKey()).query().singleRow();
            Model.Line expected = line.getValue();
            assertThat(List.of(stored.get("initial_fen"), stored.get("adjustments_fen"), stored.get("paid_fen"),
                    stored.get("committed_fen")))
                    .as("line %s", line.getKey())
                    .isEqualTo(List.of(expected.initial, expected.adjustments, expected.paid, expected.committed));
            assertThat(expected.available()).as("available of line %s", line.getKey()).isNotNegative();
        }
        Map<String, List<Long>> storedCommitments = new TreeMap<>();
        jdbc.sql("SELECT id, line_id, amount_fen, paid_fen, released_fen FROM ledger.commitment WHERE unit = ? AND year = ?")
                .params(unit, model.year).query().listOfRows().forEach(row -> storedCommitments.put((String) row.get("id"),
                        List.of((Long) row.get("amount_fen"), (Long) row.get("paid_fen"), (Long) row.get("released_fen"))));
        Map<String, List<Long>> modelCommitments = new TreeMap<>();
        model.commitments.forEach((id, commitment) -> modelCommitments.put(id,
                List.of(commitment.amount, commitment.paid, commitment.released)));
        assertThat(storedCommitments).as("commitments of %d", model.year).isEqualTo(modelCommitments);
        // what each line has committed is what its commitments hold open
        Map<String, Long> openPerLine = new HashMap<>();
        model.commitments.values().forEach(commitment -> openPerLine.merge(commitment.line, commitment.open(), Long::sum));
        model.lines.forEach((id, line) -> assertThat(line.committed).as("committed of %s", id)
                .isEqualTo(openPerLine.getOrDefault(id, 0L)));
    }

    /** SPEC §4 and §14 for these types, as plainly as they can be written. */
    static final class Model {
        static final class Line {
            final boolean fiscal;
            final long initial;
            long adjustments;
            long paid;
            long committed;

            Line(boolean fiscal, long initial) {
                this.fiscal = fiscal;
                this.initial = initial;
            }

            long available() {
                return initial + adjustments - paid - committed;
            }
        }

        static final class Commitment {
            final String line;
            final long amount;
            long paid;
            long released;

            Commitment(String line, long amount) {
                this.line = line;
                this.amount = amount;
            }

            long open() {
                return amount - paid - released;
            }
        }

        record Payment(String line, boolean reception, long amount, long[] refunded) {
        }

        final int year;
        final Map<String, Line> lines = new HashMap<>();
        final List<String> lineIds = new ArrayList<>();
        final List<String> paymentIds = new ArrayList<>();
        final Map<String, Payment> payments = new HashMap<>();
        final Map<String, Commitment> commitments = new HashMap<>();
        final List<String> commitmentIds = new ArrayList<>();
        long receptionLimit;
        long receptionSpent;
        boolean closed;

        Model(int year) {
            this.year = year;
        }

        private String line(int index) {
            return index < lineIds.size() ? lineIds.get(index) : "missing-line-" + index;
        }

        private String payment(int index) {
            return index < paymentIds.size() ? paymentIds.get(index) : "missing-payment-" + index;
        }

        private String commitment(int index) {
            return existing(commitmentIds, index, "missing-commitment-");
        }

        /** The line a COMMIT reserves money of. */
        private String committedLine(int index) {
            return existing(lineIds, index, "missing-line-");
        }

        /** Mostly one that exists (of the few there are), but index 3 past the end a missing one. */
        private static String existing(List<String> ids, int index, String missing) {
            if (index < ids.size()) {
                return ids.get(index);
            }
            return index == 3 || ids.isEmpty() ? missing + index : ids.get(index % ids.size());
        }

        /** The line a PAY_UNDER pays from: mostly its commitment's, now and then another (a mismatch, or missing). */
        private String lineUnder(Step step) {
            Commitment commitment = commitments.get(commitment(step.target()));
            return step.other() == 3 || commitment == null ? line(step.other()) : commitment.line;
        }

        TransactionRequest request(Step step, String id, String unit) {
            AmountText amount = new AmountText(Money.ofFen(amountFen(step)).toYuanString());
            return switch (step.type()) {
                case "APPROPRIATE" -> new AppropriateRequest(id, unit, 2023, "2023-01-01", null, null,
                        step.fiscal() ? "GENERAL_BUDGET" : "OTHER", "2140199", "BASIC", null, null, amount);
                case "ADJUST" -> new AdjustRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()), amount,
                        "调整");
                case "TRANSFER" -> new TransferRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()),
                        line(step.other()), amount, "调剂");
                case "PAY" -> new PayRequest(id, unit, 2023, "2023-06-01", null, null, line(step.target()),
                        step.reception() ? "30217" : "30201", amount, null, null, null, null);
                case "PAY_UNDER" -> new PayRequest(id, unit, 2023, "2023-06-01", null, null, lineUnder(step),
                        step.reception() ? "30217" : "30201", amount, null, null, null, commitment(step.target()));
                case "REFUND" -> new RefundRequest(id, unit, 2023, "2023-07-01", null, null, payment(step.target()), amount);
                case "SET_LIMIT" -> new SetLimitRequest(id, unit, 2023, "2023-01-01", null, null, "RECEPTION", amount);
                case "COMMIT" -> new CommitRequest(id, unit, 2023, "2023-05-01", null, null, committedLine(step.target()), amount,
                        null, null, schedule(step, amountFen(step)));
                case "RELEASE" -> new ReleaseRequest(id, unit, 2023, "2023-07-01", null, null, commitment(step.target()),
                        step.other() % 2 == 0 ? null : amount);
                default -> throw new IllegalArgumentException(step.type());
            };
        }

        /** None, two payments adding up to the amount, or now and then (a fault) one of a fen more than the amount. */
        private static List<ScheduledPaymentText> schedule(Step step, long amountFen) {
            if (amountFen <= 0 || step.other() == 0) {
                return null;
            }
            if (badSchedule(step)) {
                return List.of(scheduled("2023-12-01", amountFen + 1));
            }
            return List.of(scheduled("2023-12-01", amountFen - amountFen / 2), scheduled("2023-07-01", amountFen / 2))
                    .stream().filter(payment -> !Money.parseYuan(payment.amount().text()).isZero()).toList();
        }

        private static boolean badSchedule(Step step) {
            return step.other() == 2 && step.reception();
        }

        private static ScheduledPaymentText scheduled(String date, long amountFen) {
            return new ScheduledPaymentText(date, new AmountText(Money.ofFen(amountFen).toYuanString()));
        }

        /** ADJUST adds or cuts (the unused second index picks which); every other type sends the amount as drawn. */
        static long signed(Step step) {
            return step.type().equals("ADJUST") && step.other() % 2 == 1 ? -step.amountFen() : step.amountFen();
        }

        /**
         * The amount sent: as drawn, but a positive one of a commitment, or of a payment or release under one, is
         * brought within a quarter beyond what the line has available or the commitment has open, so that most fit
         * and some do not (drawn blindly, nearly all would be refused).
         */
        long amountFen(Step step) {
            long drawn = signed(step);
            Line line = lines.get(committedLine(step.target()));
            Commitment commitment = commitments.get(commitment(step.target()));
            long room = switch (step.type()) {
                case "COMMIT" -> line == null ? 0 : line.available();
                case "PAY_UNDER", "RELEASE" -> commitment == null ? 0 : commitment.open();
                default -> 0;
            };
            return drawn <= 0 || room <= 0 ? drawn : 1 + drawn % (room + room / 4 + 1);
        }

        String decide(Step step, String id) {
            long amount = amountFen(step);
            switch (step.type()) {
                case "APPROPRIATE" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    lines.put(id, new Line(step.fiscal(), amount));
                    lineIds.add(id);
                }
                case "ADJUST" -> {
                    if (amount == 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    Line line = lines.get(line(step.target()));
                    if (line == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (line.available() + amount < 0) {
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
                    if (closed) {
                        return "YEAR_CLOSED";
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
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    Line line = lines.get(line(step.target()));
                    if (line == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (line.available() < amount) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    return paid(id, line(step.target()), amount, step.reception(), null);
                }
                case "PAY_UNDER" -> {
                    return payUnder(id, lineUnder(step), commitment(step.target()), amount, step.reception());
                }
                case "REFUND" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    Payment payment = payments.get(payment(step.target()));
                    if (payment == null) {
                        return "UNKNOWN_PAYMENT";
                    }
                    if (payment.refunded()[0] + amount > payment.amount()) {
                        return "REFUND_EXCEEDS_PAYMENT";
                    }
                    // back to the line's available, never to a commitment it was paid under
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
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    if (amount < receptionSpent) {
                        return "LIMIT_BELOW_SPENDING";
                    }
                    receptionLimit = amount;
                }
                case "COMMIT" -> {
                    if (amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (badSchedule(step)) {
                        return "VALIDATION_FAILED"; // its schedule adds up to a fen more than its amount
                    }
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    Line line = lines.get(committedLine(step.target()));
                    if (line == null) {
                        return "UNKNOWN_LINE";
                    }
                    if (line.available() < amount) {
                        return "INSUFFICIENT_BALANCE";
                    }
                    line.committed += amount;
                    commitments.put(id, new Commitment(committedLine(step.target()), amount));
                    commitmentIds.add(id);
                }
                case "RELEASE" -> {
                    boolean all = step.other() % 2 == 0;
                    if (!all && amount <= 0) {
                        return "INVALID_AMOUNT";
                    }
                    if (closed) {
                        return "YEAR_CLOSED";
                    }
                    Commitment commitment = commitments.get(commitment(step.target()));
                    if (commitment == null) {
                        return "UNKNOWN_COMMITMENT";
                    }
                    long released = all ? commitment.open() : amount;
                    if (commitment.open() == 0 || released > commitment.open()) {
                        return "COMMITMENT_EXCEEDED";
                    }
                    commitment.released += released;
                    lines.get(commitment.line).committed -= released;
                }
                default -> throw new IllegalArgumentException(step.type());
            }
            return "ACCEPTED";
        }

        /** A PAY naming a commitment: of this year, of the paying line, within what is open of it (and the 三公 limit). */
        String payUnder(String id, String lineId, String commitmentId, long amount, boolean reception) {
            if (amount <= 0) {
                return "INVALID_AMOUNT";
            }
            if (closed) {
                return "YEAR_CLOSED";
            }
            if (!lines.containsKey(lineId)) {
                return "UNKNOWN_LINE";
            }
            Commitment commitment = commitments.get(commitmentId);
            if (commitment == null) {
                return "UNKNOWN_COMMITMENT";
            }
            if (!commitment.line.equals(lineId)) {
                return "COMMITMENT_MISMATCH";
            }
            if (amount > commitment.open()) {
                return "COMMITMENT_EXCEEDED";
            }
            return paid(id, lineId, amount, reception, commitment);
        }

        /** A payment that passed its line's or commitment's rules, unless it breaks the 三公 limit. */
        private String paid(String id, String lineId, long amount, boolean reception, Commitment under) {
            Line line = lines.get(lineId);
            boolean limited = line.fiscal && reception;
            if (limited && receptionSpent + amount > receptionLimit) {
                return "THREE_PUBLIC_LIMIT_EXCEEDED";
            }
            line.paid += amount;
            if (under != null) {
                under.paid += amount;
                line.committed -= amount;
            }
            if (limited) {
                receptionSpent += amount;
            }
            payments.put(id, new Payment(lineId, limited, amount, new long[1]));
            paymentIds.add(id);
            return "ACCEPTED";
        }

        /**
         * Closes this year; the next one receives each fiscal line that did not pay all its budget (its available and
         * its committed money), and on it the open rest of each of its commitments, under the same id.
         */
        Model carryOver() {
            closed = true;
            Model next = new Model(year + 1);
            lineIds.stream().filter(id -> lines.get(id).fiscal).forEach(id -> {
                Line line = lines.get(id);
                long unpaid = line.initial + line.adjustments - line.paid;
                if (unpaid != 0) {
                    String carried = id + ">" + next.year;
                    next.lines.put(carried, new Line(true, unpaid));
                    next.lineIds.add(carried);
                }
            });
            commitmentIds.stream().sorted().forEach(id -> {
                Commitment commitment = commitments.get(id);
                if (commitment.open() > 0 && lines.get(commitment.line).fiscal) {
                    String carried = commitment.line + ">" + next.year;
                    next.commitments.put(id, new Commitment(carried, commitment.open()));
                    next.commitmentIds.add(id);
                    next.lines.get(carried).committed += commitment.open();
                }
            });
            return next;
        }
    }
}
