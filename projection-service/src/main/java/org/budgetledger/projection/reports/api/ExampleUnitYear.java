package org.budgetledger.projection.reports.api;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.LineFigures;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.monitoring.MonitoringInputs;
import org.budgetledger.projection.reports.monitoring.OpenCommitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small made-up history of unit 430001 in 2023 for the examples of the API description: a project line
 * and a basic line appropriated, three payments (one of them 公务接待费 under its 三公 limit), a receipt and a
 * commitment of the project line, to be paid in three instalments (SPEC §14). Its facts come from
 * {@link FactsOfEvent}, as the projection's do, so the examples are real reports.
 */
public final class ExampleUnitYear {

    static final String UNIT = "430001";
    /** Its name, as its UnitRegistered event gives it (the 部门 line of the example forms). */
    static final String UNIT_NAME = "湖南省交通运输厅科技信息中心";
    static final int YEAR = 2023;
    static final Instant KNOWN_AT = Instant.parse("2024-03-31T00:00:00Z");

    private final List<Fact> facts = new ArrayList<>();
    private final Map<Long, LedgerEvent> events = new HashMap<>();
    private final List<LimitSetting> limits = new ArrayList<>();
    private final List<CommitmentMovement> movements = new ArrayList<>();
    private long sequence;

    public ExampleUnitYear() {
        LocalDate january = LocalDate.of(YEAR, 1, 10);
        add(new BudgetAppropriated("a1", UNIT, YEAR, january, "li", null, null, "a1", Fund.GENERAL_BUDGET, "2140199",
                Kind.PROJECT, "业务工作经费", null, yuan("1000000.00")));
        add(new BudgetAppropriated("a2", UNIT, YEAR, january, "li", null, null, "a2", Fund.GENERAL_BUDGET, "2080505",
                Kind.BASIC, null, "301", yuan("120000.00")));
        add(new PaymentMade("p1", UNIT, YEAR, LocalDate.of(YEAR, 2, 10), "li", null, "记-0012", "a1", LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", "30201", yuan("2500.50"), "某办公用品公司",
                PaymentMethod.DIRECT));
        add(new PaymentMade("p2", UNIT, YEAR, LocalDate.of(YEAR, 3, 15), "li", null, "记-0031", "a2", LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2080505", Kind.BASIC, null, "30108", yuan("60000.00"), null, PaymentMethod.AUTHORIZED));
        add(new PaymentMade("p3", UNIT, YEAR, LocalDate.of(YEAR, 4, 20), "li", null, "记-0047", "a1", LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", "30217", yuan("1200.00"), null, PaymentMethod.DIRECT));
        add(new IncomeReceived("i1", UNIT, YEAR, LocalDate.of(YEAR, 12, 20), "li", null, null, Fund.OTHER, "2140199",
                yuan("700.00")));
        add(new CommitmentMade("c1", UNIT, YEAR, LocalDate.of(YEAR, 5, 20), "li", "软件开发合同", null, "a1",
                LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", yuan("300000.00"),
                "HT-2023-018", "某软件公司", List.of(new ScheduledPayment(LocalDate.of(YEAR, 6, 30), yuan("90000.00")),
                new ScheduledPayment(LocalDate.of(YEAR, 9, 30), yuan("120000.00")),
                new ScheduledPayment(LocalDate.of(YEAR, 12, 15), yuan("90000.00")))));
        ThreePublicLimitSet limit = new ThreePublicLimitSet("l1", UNIT, YEAR, LocalDate.of(YEAR, 1, 1), "li", null, null,
                ThreePublicCategory.RECEPTION, yuan("30000.00"));
        limits.add(LimitSetting.of(envelope(limit), limit));
    }

    /** Every fact of the history, in the order of its events. */
    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    /** The event of a fact (its transaction's id, memo, voucher, who posted it). */
    public LedgerEvent event(long sequence) {
        return events.get(sequence);
    }

    public static String unit() {
        return UNIT;
    }

    public static String unitName() {
        return UNIT_NAME;
    }

    public static int year() {
        return YEAR;
    }

    public static Instant knownAt() {
        return KNOWN_AT;
    }

    /** What the tables are computed from at that point of both time axes. */
    public ReportInputs inputs(ReportPeriod period) {
        return ReportInputs.of(facts, limits, period);
    }

    /** What execution monitoring looks at, at that point of both time axes. */
    MonitoringInputs monitoring(ReportPeriod period) {
        return new MonitoringInputs(YEAR, period.asOf(), false, LineFigures.of(facts, List.of(UNIT), period),
                OpenCommitment.at(movements, period), inputs(period));
    }

    /** The commitments as they stand at that point. */
    List<OpenCommitment> commitments(ReportPeriod period) {
        return OpenCommitment.at(movements, period);
    }

    private void add(LedgerEvent event) {
        EventEnvelope envelope = envelope(event);
        events.put(envelope.sequence(), event);
        facts.addAll(FactsOfEvent.of(envelope, event));
        CommitmentMovement.of(envelope, event).forEach(movements::add);
    }

    private EventEnvelope envelope(LedgerEvent event) {
        sequence++;
        Instant recordedAt = event.effectiveDate().atTime(9, 30).toInstant(java.time.ZoneOffset.UTC);
        return new EventEnvelope("example-" + sequence, sequence, event.getClass().getSimpleName(), recordedAt);
    }

    private static Money yuan(String text) {
        return Money.parseYuan(text);
    }
}
