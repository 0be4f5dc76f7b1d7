package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random event histories of one unit-year, shaped as the ledger would record them (payments from existing
 * lines, refunds within their payment), with both time axes spread over the year.
 */
public final class RandomHistories {

    static final String[] SUBJECTS = {"2010499", "2019999", "2080505", "2140106", "2140109", "2140199", "2210201"};
    static final String[] ECONOMIC = {"30101", "30108", "30113", "30201", "30211", "30212", "30217", "30226", "30231",
            "30239", "30299", "30302", "31002", "31013", "30913"};
    static final String[] PROJECTS = {"业务工作经费", "运行维护经费", "信息化建设"};
    public static final Instant YEAR_START = Instant.parse("2023-01-01T00:00:00Z");

    private record Line(String id, Fund fund, String subject, Kind kind, String project, LineOrigin origin, LocalDate createdOn) {
    }

    private record Payment(String id, Line line, String economic, LocalDate date, long fen, long[] refunded) {
    }

    private RandomHistories() {
    }

    public static List<Delivered> of(String unit, long seed, long firstSequence, int size) {
        Random random = new Random(seed);
        List<Delivered> events = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        long sequence = firstSequence;
        Instant recordedAt = YEAR_START;
        for (int n = 0; n < size; n++) {
            String id = unit + "-" + n;
            LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            // as one transaction's events share theirs, some follow at the same instant or a microsecond later
            recordedAt = switch (random.nextInt(8)) {
                case 0 -> recordedAt;
                case 1 -> recordedAt.plusNanos(1_000);
                default -> recordedAt.plusSeconds(1 + random.nextInt(200_000));
            };
            long fen = 1 + random.nextInt(10_000_000);
            Fund fund = random.nextInt(4) == 0 ? pick(random, Fund.values()) : Fund.GENERAL_BUDGET;
            String subject = pick(random, SUBJECTS);
            int choice = lines.isEmpty() ? 0 : random.nextInt(12);
            Object event;
            switch (choice) {
                case 0, 1 -> {
                    Kind kind = fund.isFiscal() ? (random.nextBoolean() ? Kind.BASIC : Kind.PROJECT) : pick(random, Kind.values());
                    String project = kind == Kind.PROJECT ? pick(random, PROJECTS) : null;
                    lines.add(new Line(id, fund, subject, kind, project, LineOrigin.APPROPRIATION, date));
                    event = new BudgetAppropriated(id, unit, 2023, date, "t", null, null, id, fund, subject, kind, project,
                            null, Money.ofFen(fen));
                }
                case 2 -> {
                    Line line = appropriated(random, lines);
                    event = line == null ? null : new BudgetAdjusted(id, unit, 2023, date, "t", null, null, line.id(), line.fund(),
                            line.subject(), line.kind(), line.project(), Money.ofFen(random.nextBoolean() ? fen : -fen / 10), "调整");
                }
                case 3 -> {
                    Line from = appropriated(random, lines);
                    Line to = appropriated(random, lines);
                    event = from == null || to == null || from == to || from.fund() != to.fund() ? null
                            : new BudgetTransferred(id, unit, 2023, date, "t", null, null, from.fund(), from.id(),
                            from.subject(), from.kind(), from.project(), to.id(), to.subject(), to.kind(), to.project(),
                            Money.ofFen(fen / 10), "调剂");
                }
                case 4, 5, 6, 7 -> {
                    Line line = lines.get(random.nextInt(lines.size()));
                    String economic = pick(random, ECONOMIC);
                    // as the ledger requires: a payment is not dated before its line, a refund not before its payment
                    LocalDate paid = later(date, line.createdOn());
                    payments.add(new Payment(id, line, economic, paid, fen, new long[1]));
                    event = new PaymentMade(id, unit, 2023, paid, "t", null, null, line.id(), line.origin(), line.fund(),
                            line.subject(), line.kind(), line.project(), economic, Money.ofFen(fen), null, null);
                }
                case 8 -> {
                    Payment payment = payments.isEmpty() ? null : payments.get(random.nextInt(payments.size()));
                    long refund = payment == null ? 0 : Math.min(fen / 3 + 1, payment.fen() - payment.refunded()[0]);
                    if (refund > 0) {
                        payment.refunded()[0] += refund;
                        Line line = payment.line();
                        event = new PaymentRefunded(id, unit, 2023, later(date, payment.date()), "t", null, null, payment.id(), line.id(),
                                line.origin(), line.fund(), line.subject(), line.kind(), line.project(), payment.economic(),
                                Money.ofFen(refund));
                    } else {
                        event = null;
                    }
                }
                case 9 -> {
                    Fund nonFiscal = pick(random, new Fund[]{Fund.BUSINESS, Fund.OTHER, Fund.SUPERIOR_SUBSIDY});
                    event = switch (random.nextInt(3)) {
                        case 0 -> new IncomeReceived(id, unit, 2023, date, "t", null, null, nonFiscal, subject, Money.ofFen(fen));
                        case 1 -> new ReserveUsed(id, unit, 2023, date, "t", null, null, nonFiscal, subject, Money.ofFen(fen / 5));
                        default -> new SurplusDistributed(id, unit, 2023, date, "t", null, null, nonFiscal, subject, Money.ofFen(fen / 50));
                    };
                }
                case 10 -> {
                    if (random.nextBoolean()) {
                        Kind kind = random.nextBoolean() ? Kind.BASIC : Kind.PROJECT;
                        String project = kind == Kind.PROJECT ? pick(random, PROJECTS) : null;
                        lines.add(new Line(id, Fund.GENERAL_BUDGET, subject, kind, project, LineOrigin.OPENING, LocalDate.of(2023, 1, 1)));
                        event = new OpeningBalanceRecorded(id, unit, 2023, LocalDate.of(2023, 1, 1), "t", null, null,
                                Fund.GENERAL_BUDGET, subject, kind, project, null, Money.ofFen(fen), id);
                    } else {
                        String lineId = id + ">2023";
                        lines.add(new Line(lineId, Fund.GENERAL_BUDGET, subject, Kind.PROJECT, PROJECTS[0], LineOrigin.CARRY_OVER, LocalDate.of(2023, 1, 1)));
                        event = new BalancesCarriedIn(id, unit, 2023, LocalDate.of(2023, 1, 1), "t", null, null, 2022,
                                List.of(new CarriedLine(lineId, "x", Fund.GENERAL_BUDGET, subject, Kind.PROJECT, PROJECTS[0],
                                        null, Money.ofFen(fen))),
                                List.of(new CarriedBalance(Fund.BUSINESS, subject, Money.ofFen(fen / 7))));
                    }
                }
                default -> event = new ThreePublicLimitSet(id, unit, 2023, date, "t", null, null,
                        pick(random, ThreePublicCategory.values()), Money.ofFen(fen));
            }
            if (event != null) {
                sequence++;
                events.add(new Delivered(new EventEnvelope(id, sequence, ((org.budgetledger.contracts.events.LedgerEvent) event).eventName(),
                        recordedAt), (org.budgetledger.contracts.events.LedgerEvent) event));
            }
        }
        return events;
    }

    public static Instant lastRecordedAt(List<Delivered> events) {
        return events.get(events.size() - 1).envelope().recordedAt();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    private static Line appropriated(Random random, List<Line> lines) {
        Line line = lines.get(random.nextInt(lines.size()));
        return line.origin() == LineOrigin.APPROPRIATION ? line : null;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
