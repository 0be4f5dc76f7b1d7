package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random 2023 histories of a small department (a unit and one subordinate) with commitments (SPEC §14), shaped as the
 * ledger would record them: commitments within their line's available money, with schedules inside the year summing
 * to their amount (or none); payments under a commitment within its open remainder, others within the available
 * money; releases within the open remainder; refunds of any payment, commitment payments included; 三公 payments
 * within their limit; commitments carried in from 2022 on a carry-in line; subsidies from the unit to its
 * subordinate (internal flows); in most histories, the year-end carry-over of both units into 2024, which moves the
 * open commitments of fiscal lines onto their carry-in lines. Both time axes are spread over the year.
 */
final class CommitmentHistories {

    static final int YEAR = 2023;
    static final Instant YEAR_START = Instant.parse("2023-01-01T00:00:00Z");
    private static final String[] PROJECTS = {"信息化建设", "运行维护经费"};
    private static final String[] ORDINARY_ECONOMIC = {"30201", "30226", "31002"};
    private static final Map<ThreePublicCategory, String> THREE_PUBLIC_ECONOMIC = Map.of(ThreePublicCategory.ABROAD, "30212",
            ThreePublicCategory.VEHICLE_PURCHASE, "31013", ThreePublicCategory.VEHICLE_OPERATION, "30231",
            ThreePublicCategory.RECEPTION, "30217");

    private static final class Line {
        final String id;
        final Fund fund;
        final Kind kind;
        final String project;
        final LineOrigin origin;
        final LocalDate createdOn;
        long budget;
        long paid;
        long committed;

        Line(String id, Fund fund, Kind kind, String project, LineOrigin origin, LocalDate createdOn, long budget) {
            this.id = id;
            this.fund = fund;
            this.kind = kind;
            this.project = project;
            this.origin = origin;
            this.createdOn = createdOn;
            this.budget = budget;
        }

        long available() {
            return budget - paid - committed;
        }
    }

    private record Commitment(String id, Line line, LocalDate date, long[] open) {
    }

    private record Payment(String id, Line line, String economic, LocalDate date, String counterparty, long[] refundable) {
    }

    /** The ledger's one sequence and clock, which the units' histories share. */
    private static final class Ledger {
        final List<Delivered> events = new ArrayList<>();
        long sequence;
        Instant recordedAt = YEAR_START;

        Ledger(long sequence) {
            this.sequence = sequence;
        }
    }

    private final Random random;
    private final String unit;
    private final String subordinate;
    private final Ledger ledger;
    private final List<Line> lines = new ArrayList<>();
    private final List<Commitment> commitments = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final Map<ThreePublicCategory, long[]> limitAndSpent = new EnumMap<>(ThreePublicCategory.class);
    private int counter;

    private CommitmentHistories(Random random, String unit, String subordinate, Ledger ledger) {
        this.random = random;
        this.unit = unit;
        this.subordinate = subordinate;
        this.ledger = ledger;
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            limitAndSpent.put(category, new long[2]);
        }
    }

    /**
     * The registrations of {@code head} and its subordinate {@code member}, then both units' histories, interleaved.
     */
    static List<Delivered> department(String head, String member, long seed, long firstSequence, int eventsPerUnit) {
        Random random = new Random(seed);
        Ledger ledger = new Ledger(firstSequence);
        Instant registered = YEAR_START.minusSeconds(86_400);
        ledger.events.add(delivered(++ledger.sequence, new UnitRegistered(head, "监测厅" + head, null, UnitType.ADMINISTRATIVE,
                "admin"), registered));
        ledger.events.add(delivered(++ledger.sequence, new UnitRegistered(member, "监测所" + member, head,
                UnitType.PUBLIC_SERVICE_1, "admin"), registered));
        CommitmentHistories ofHead = new CommitmentHistories(random, head, member, ledger);
        CommitmentHistories ofMember = new CommitmentHistories(random, member, null, ledger);
        ofHead.carriedIn();
        ofMember.carriedIn();
        for (int step = 0; step < 2 * eventsPerUnit; step++) {
            (random.nextBoolean() ? ofHead : ofMember).step();
        }
        if (random.nextInt(4) != 0) {
            ofHead.carriedOver();
            ofMember.carriedOver();
        }
        return ledger.events;
    }

    private static Delivered delivered(long sequence, RecordedEvent event, Instant recordedAt) {
        return new Delivered(new EventEnvelope(UUID.randomUUID().toString(), sequence, event.eventName(), recordedAt), event);
    }

    private void emit(RecordedEvent event) {
        ledger.events.add(delivered(++ledger.sequence, event, ledger.recordedAt));
    }

    private void tick() {
        ledger.recordedAt = switch (random.nextInt(6)) {
            case 0 -> ledger.recordedAt.plusNanos(1_000);
            default -> ledger.recordedAt.plusSeconds(1 + random.nextInt(80_000));
        };
    }

    private String nextId() {
        return unit + "-" + counter++;
    }

    /** 2022's carry-over: a carry-in line, and one or two commitments moved onto it, dated 1 January. */
    private void carriedIn() {
        if (random.nextInt(3) == 0) {
            return;
        }
        tick();
        LocalDate january = LocalDate.of(YEAR, 1, 1);
        String id = nextId();
        long amount = 1_000_000 + random.nextInt(50_000_000);
        Line line = new Line(id + ">2023", Fund.GENERAL_BUDGET, Kind.PROJECT, PROJECTS[0], LineOrigin.CARRY_OVER, january, amount);
        lines.add(line);
        emit(new BalancesCarriedIn(id, unit, YEAR, january, "admin", null, null, YEAR - 1,
                List.of(new CarriedLine(line.id, id, line.fund, "2140199", line.kind, line.project, null, Money.ofFen(amount))),
                List.of()));
        for (int carried = 1 + random.nextInt(2); carried > 0; carried--) {
            long open = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, line.available() / 2));
            String commitment = unit + "-old-" + carried;
            line.committed += open;
            commitments.add(new Commitment(commitment, line, january, new long[]{open}));
            emit(new CommitmentCarriedOver(id, unit, YEAR, january, "admin", null, null, commitment, YEAR - 1, id,
                    LineOrigin.APPROPRIATION, line.id, line.fund, "2140199", line.kind, line.project, Money.ofFen(open),
                    "HT-2022-" + carried, "乙公司",
                    schedule(open, january, true)));
        }
    }

    /**
     * CARRY_OVER of 2023, as the ledger records it in one transaction: the year closed, each fiscal line with money
     * left carried into 2024, and each open commitment of such a line onto its carry-in line with its open remainder
     * (its schedule's rest on 1 January). Commitments of non-fiscal lines stay.
     */
    private void carriedOver() {
        tick();
        String id = nextId();
        LocalDate january = LocalDate.of(YEAR + 1, 1, 1);
        emit(new YearClosed(id, unit, YEAR, LocalDate.of(YEAR, 12, 31), "admin", null, null));
        List<CarriedLine> carried = new ArrayList<>();
        for (Line line : lines) {
            if (line.fund.isFiscal() && line.budget - line.paid != 0) {
                carried.add(new CarriedLine(line.id + ">" + (YEAR + 1), line.id, line.fund, "2140199", line.kind,
                        line.project, null, Money.ofFen(line.budget - line.paid)));
            }
        }
        emit(new BalancesCarriedIn(id, unit, YEAR + 1, january, "admin", null, null, YEAR, carried, List.of()));
        for (Commitment commitment : commitments) {
            Line line = commitment.line();
            long open = commitment.open()[0];
            if (line.fund.isFiscal() && open > 0) {
                emit(new CommitmentCarriedOver(id, unit, YEAR + 1, january, "admin", null, null, commitment.id(), YEAR,
                        line.id, line.origin, line.id + ">" + (YEAR + 1), line.fund, "2140199", line.kind, line.project,
                        Money.ofFen(open), null, null, List.of(new ScheduledPayment(january, Money.ofFen(open)))));
            }
        }
    }

    private void step() {
        tick();
        int choice = lines.isEmpty() ? 0 : random.nextInt(20);
        switch (choice) {
            case 0, 1 -> appropriate();
            case 2 -> adjust();
            case 3, 4, 5, 6 -> commit();
            case 7, 8, 9, 10 -> payUnderCommitment();
            case 11, 12, 13 -> pay();
            case 14, 15 -> release();
            case 16 -> refund();
            case 17, 18 -> setLimit();
            default -> {
                if (subordinate != null) {
                    subsidise();
                } else {
                    pay();
                }
            }
        }
    }

    private LocalDate dateFrom(LocalDate earliest) {
        LocalDate date = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365));
        return date.isBefore(earliest) ? earliest : date;
    }

    private void appropriate() {
        String id = nextId();
        LocalDate date = dateFrom(LocalDate.of(YEAR, 1, 1));
        boolean fiscal = random.nextInt(4) != 0;
        Kind kind = random.nextBoolean() ? Kind.BASIC : Kind.PROJECT;
        String project = kind == Kind.PROJECT ? PROJECTS[random.nextInt(PROJECTS.length)] : null;
        Fund fund = fiscal ? Fund.GENERAL_BUDGET : Fund.BUSINESS;
        long amount = 1_000_000 + random.nextInt(90_000_000);
        lines.add(new Line(id, fund, kind, project, LineOrigin.APPROPRIATION, date, amount));
        emit(new BudgetAppropriated(id, unit, YEAR, date, "clerk", null, null, id, fund, "2140199", kind, project, null,
                Money.ofFen(amount)));
    }

    private Line someLine(LineOrigin origin) {
        List<Line> candidates = lines.stream().filter(line -> origin == null || line.origin == origin)
                .filter(line -> line.kind != Kind.SUBSIDY_AFFILIATE).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private void adjust() {
        Line line = someLine(LineOrigin.APPROPRIATION);
        if (line == null) {
            return;
        }
        long amount = random.nextBoolean() ? 1 + random.nextInt(5_000_000) : -Math.min(line.available(), 1 + random.nextInt(5_000_000));
        if (amount == 0) {
            return;
        }
        line.budget += amount;
        emit(new BudgetAdjusted(nextId(), unit, YEAR, dateFrom(line.createdOn), "clerk", null, null, line.id, line.fund,
                "2140199", line.kind, line.project, Money.ofFen(amount), "调整"));
    }

    /** {@code amount} in one to three scheduled payments inside the year (or none), earliest first. */
    private List<ScheduledPayment> schedule(long amount, LocalDate from, boolean sometimesOnTheFirst) {
        int parts = random.nextInt(4);
        if (parts == 0 || amount < parts) {
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            LocalDate date = sometimesOnTheFirst && random.nextBoolean() ? LocalDate.of(YEAR, 1, 1)
                    : from.minusDays(30).plusDays(random.nextInt(200));
            dates.add(date.getYear() < YEAR ? LocalDate.of(YEAR, 1, 1) : date.getYear() > YEAR ? LocalDate.of(YEAR, 12, 31) : date);
        }
        dates.sort(null);
        List<ScheduledPayment> schedule = new ArrayList<>();
        long left = amount;
        for (int part = 0; part < parts; part++) {
            long share = part == parts - 1 ? left : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, left - (parts - part - 1)));
            share = Math.min(share, left - (parts - part - 1));
            schedule.add(new ScheduledPayment(dates.get(part), Money.ofFen(share)));
            left -= share;
        }
        return schedule;
    }

    private void commit() {
        Line line = someLine(null);
        if (line == null || line.available() <= 0) {
            return;
        }
        String id = nextId();
        long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, line.available()));
        LocalDate date = dateFrom(line.createdOn);
        line.committed += amount;
        commitments.add(new Commitment(id, line, date, new long[]{amount}));
        emit(new CommitmentMade(id, unit, YEAR, date, "clerk", null, null, line.id, line.origin, line.fund, "2140199",
                line.kind, line.project, Money.ofFen(amount), random.nextBoolean() ? "HT-" + id : null,
                random.nextBoolean() ? "甲公司" : null, schedule(amount, date, false)));
    }

    private Commitment someOpenCommitment() {
        List<Commitment> open = commitments.stream().filter(commitment -> commitment.open()[0] > 0).toList();
        return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    }

    private void payUnderCommitment() {
        Commitment commitment = someOpenCommitment();
        if (commitment == null) {
            return;
        }
        long amount = random.nextInt(3) == 0 ? commitment.open()[0] : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, commitment.open()[0]));
        commitment.open()[0] -= amount;
        Line line = commitment.line();
        line.committed -= amount;
        paid(line, amount, ORDINARY_ECONOMIC[random.nextInt(ORDINARY_ECONOMIC.length)], dateFrom(commitment.date()), null,
                commitment.id());
    }

    private void pay() {
        Line line = someLine(null);
        if (line == null || line.available() <= 0) {
            return;
        }
        String economic = ORDINARY_ECONOMIC[random.nextInt(ORDINARY_ECONOMIC.length)];
        long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, line.available()));
        if (line.fund.isFiscal() && random.nextBoolean()) {
            // a 三公 payment, within what its limit leaves
            ThreePublicCategory category = ThreePublicCategory.values()[random.nextInt(4)];
            long[] limit = limitAndSpent.get(category);
            long room = Math.min(limit[0] - limit[1], line.available());
            if (room <= 0) {
                return;
            }
            amount = random.nextBoolean() ? room : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, room));
            limit[1] += amount;
            economic = THREE_PUBLIC_ECONOMIC.get(category);
        }
        paid(line, amount, economic, dateFrom(line.createdOn), null, null);
    }

    private void paid(Line line, long amount, String economic, LocalDate date, String counterparty, String commitment) {
        String id = nextId();
        line.paid += amount;
        payments.add(new Payment(id, line, economic, date, counterparty, new long[]{amount}));
        emit(new PaymentMade(id, unit, YEAR, date, "clerk", null, null, line.id, line.origin, line.fund, "2140199", line.kind,
                line.project, economic, Money.ofFen(amount), null, null, counterparty, commitment, null, null));
    }

    private void release() {
        Commitment commitment = someOpenCommitment();
        if (commitment == null) {
            return;
        }
        long amount = random.nextBoolean() ? commitment.open()[0] : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, commitment.open()[0]));
        commitment.open()[0] -= amount;
        Line line = commitment.line();
        line.committed -= amount;
        emit(new CommitmentReleased(nextId(), unit, YEAR, dateFrom(commitment.date()), "clerk", null, null, commitment.id(),
                line.id, line.origin, line.fund, "2140199", line.kind, line.project, Money.ofFen(amount)));
    }

    /** A refund of any payment: its money returns to the line's available, never to a commitment it was made under. */
    private void refund() {
        List<Payment> refundable = payments.stream().filter(payment -> payment.refundable()[0] > 0).toList();
        if (refundable.isEmpty()) {
            return;
        }
        Payment payment = refundable.get(random.nextInt(refundable.size()));
        long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, payment.refundable()[0]));
        payment.refundable()[0] -= amount;
        payment.line().paid -= amount;
        ThreePublicCategory.ofEconomic(payment.economic())
                .filter(category -> payment.line().fund.isFiscal())
                .ifPresent(category -> limitAndSpent.get(category)[1] -= amount);
        Line line = payment.line();
        emit(new PaymentRefunded(nextId(), unit, YEAR, dateFrom(payment.date()), "clerk", null, null, payment.id(), line.id,
                line.origin, line.fund, "2140199", line.kind, line.project, payment.economic(), Money.ofFen(amount),
                payment.counterparty()));
    }

    /** A new limit, never below what the category has spent (LIMIT_BELOW_SPENDING). */
    private void setLimit() {
        ThreePublicCategory category = ThreePublicCategory.values()[random.nextInt(4)];
        long[] limit = limitAndSpent.get(category);
        limit[0] = limit[1] + random.nextInt(2_000_000);
        emit(new ThreePublicLimitSet(nextId(), unit, YEAR, dateFrom(LocalDate.of(YEAR, 1, 1)), "admin", null, null, category,
                Money.ofFen(limit[0])));
    }

    /** A subsidy to the subordinate (对附属单位补助支出): left out of the department's figures. */
    private void subsidise() {
        Line line = lines.stream().filter(candidate -> candidate.kind == Kind.SUBSIDY_AFFILIATE).findFirst().orElse(null);
        if (line == null) {
            String id = nextId();
            line = new Line(id, Fund.OTHER, Kind.SUBSIDY_AFFILIATE, null, LineOrigin.APPROPRIATION, LocalDate.of(YEAR, 1, 5),
                    5_000_000 + random.nextInt(5_000_000));
            lines.add(line);
            emit(new BudgetAppropriated(id, unit, YEAR, line.createdOn, "clerk", null, null, id, line.fund, "2140199",
                    line.kind, null, null, Money.ofFen(line.budget)));
            tick();
        }
        if (line.available() > 0) {
            paid(line, 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, line.available())), "39999",
                    dateFrom(line.createdOn), subordinate, null);
        }
    }

    static Instant lastRecordedAt(List<Delivered> events) {
        return events.stream().map(delivered -> delivered.envelope().recordedAt()).max(Instant::compareTo).orElseThrow();
    }
}
