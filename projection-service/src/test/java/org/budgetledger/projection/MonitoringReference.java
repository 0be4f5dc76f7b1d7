package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SPEC §14 read straight from the events of a history, for a test to hold the projection's series and alerts
 * against: written from the specification, sharing nothing with the production code but the event types. Figures in
 * 元 as the API writes them; percentages with two decimals, half-up.
 */
final class MonitoringReference {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal LAG_POINTS = BigDecimal.valueOf(15);
    static final BigDecimal FORECAST_PERCENT = BigDecimal.valueOf(90);

    private final List<Delivered> events;

    MonitoringReference(List<Delivered> events) {
        this.events = events;
    }

    /** A budget line as it stands: the sums of its events kept. */
    private static final class Line {
        String unit;
        String id;
        Kind kind;
        String project;
        long budget;
        long paid;
        long committed;
    }

    /** A commitment as it stands, and its schedule as made (or carried in). */
    private static final class Commitment {
        String unit;
        String id;
        String line;
        String project;
        long amount;
        long paid;
        long released;
        /** Moved to the next year's carry-in line by the year-end carry-over: the whole open remainder, on 1 January. */
        long carriedOver;
        String contract;
        String payee;
        List<ScheduledPayment> schedule = List.of();
        boolean opened;

        /** What is left of each scheduled payment: payments eat the earliest, releases the latest. */
        List<long[]> openSchedule() {
            List<ScheduledPayment> ordered = new ArrayList<>(schedule);
            ordered.sort(Comparator.comparing(ScheduledPayment::date));
            long[] left = ordered.stream().mapToLong(due -> due.amount().fen()).toArray();
            long toPay = paid;
            for (int index = 0; index < left.length && toPay > 0; index++) {
                long used = Math.min(left[index], toPay);
                left[index] -= used;
                toPay -= used;
            }
            // what was carried over is all that was left: the rest of the schedule goes with it
            long toRelease = released + carriedOver;
            for (int index = left.length - 1; index >= 0 && toRelease > 0; index--) {
                long used = Math.min(left[index], toRelease);
                left[index] -= used;
                toRelease -= used;
            }
            List<long[]> open = new ArrayList<>();
            for (int index = 0; index < left.length; index++) {
                if (left[index] > 0) {
                    open.add(new long[]{ordered.get(index).date().toEpochDay(), left[index]});
                }
            }
            return open;
        }

        long dueBy(LocalDate date) {
            return openSchedule().stream().filter(due -> due[0] <= date.toEpochDay()).mapToLong(due -> due[1]).sum();
        }
    }

    /** The lines, commitments and 三公 figures of {@code units} at (asOf, knownAt). */
    private final class State {
        final boolean department;
        final Map<String, Line> lines = new TreeMap<>();
        final Map<String, Commitment> commitments = new LinkedHashMap<>();
        final Map<ThreePublicCategory, Long> limits = new TreeMap<>();
        final Map<ThreePublicCategory, Long> spent = new TreeMap<>();

        State(List<String> units, LocalDate asOf, Instant knownAt) {
            department = units.size() > 1;
            Map<String, Map<ThreePublicCategory, LocalDate[]>> limitDates = new TreeMap<>();
            Map<String, Map<ThreePublicCategory, Long>> unitLimits = new TreeMap<>();
            for (Delivered delivered : events) {
                if (!(delivered.event() instanceof LedgerEvent event) || !units.contains(event.unit())
                        || event.effectiveDate().isAfter(asOf) || delivered.envelope().recordedAt().isAfter(knownAt)) {
                    continue;
                }
                String unit = event.unit();
                if (event instanceof CommitmentCarriedOver carried && carried.fromYear() == CommitmentHistories.YEAR) {
                    // carried into the next year: it leaves the closed year's line on 1 January (SPEC §14)
                    line(unit, carried.fromLineId(), carried.kind(), carried.project()).committed -= fen(carried.amount());
                    commitment(unit, carried.commitment()).carriedOver += fen(carried.amount());
                    continue;
                }
                if (event.year() != CommitmentHistories.YEAR) {
                    continue; // the next year's, after a carry-over
                }
                if (event instanceof BudgetAppropriated appropriated) {
                    line(unit, appropriated.lineId(), appropriated.kind(), appropriated.project()).budget += fen(appropriated.amount());
                } else if (event instanceof BalancesCarriedIn carried) {
                    for (CarriedLine carriedLine : carried.lines()) {
                        line(unit, carriedLine.lineId(), carriedLine.kind(), carriedLine.project()).budget += fen(carriedLine.amount());
                    }
                } else if (event instanceof BudgetAdjusted adjusted) {
                    line(unit, adjusted.lineId(), adjusted.kind(), adjusted.project()).budget += fen(adjusted.amount());
                } else if (event instanceof PaymentMade payment) {
                    boolean internal = department && payment.counterparty() != null && units.contains(payment.counterparty())
                            && (payment.kind() == Kind.SUBSIDY_AFFILIATE || payment.kind() == Kind.REMIT_SUPERIOR);
                    Line line = line(unit, payment.lineId(), payment.kind(), payment.project());
                    if (!internal) {
                        line.paid += fen(payment.amount());
                    }
                    if (payment.commitment() != null) {
                        line.committed -= fen(payment.amount());
                        commitment(unit, payment.commitment()).paid += fen(payment.amount());
                    }
                    spend(payment.fund().isFiscal(), payment.economic(), fen(payment.amount()));
                } else if (event instanceof PaymentRefunded refund) {
                    boolean internal = department && refund.counterparty() != null && units.contains(refund.counterparty())
                            && (refund.kind() == Kind.SUBSIDY_AFFILIATE || refund.kind() == Kind.REMIT_SUPERIOR);
                    if (!internal) {
                        line(unit, refund.lineId(), refund.kind(), refund.project()).paid -= fen(refund.amount());
                    }
                    spend(refund.fund().isFiscal(), refund.economic(), -fen(refund.amount()));
                } else if (event instanceof CommitmentMade made) {
                    line(unit, made.lineId(), made.kind(), made.project()).committed += fen(made.amount());
                    opened(commitment(unit, made.transactionId()), made.lineId(), made.project(), fen(made.amount()),
                            made.contract(), made.payee(), made.schedule());
                } else if (event instanceof CommitmentCarriedOver carried) {
                    line(unit, carried.lineId(), carried.kind(), carried.project()).committed += fen(carried.amount());
                    opened(commitment(unit, carried.commitment()), carried.lineId(), carried.project(), fen(carried.amount()),
                            carried.contract(), carried.payee(), carried.schedule());
                } else if (event instanceof CommitmentReleased released) {
                    line(unit, released.lineId(), released.kind(), released.project()).committed -= fen(released.amount());
                    commitment(unit, released.commitment()).released += fen(released.amount());
                } else if (event instanceof ThreePublicLimitSet limit) {
                    // the latest effective wins; of one date, the later recorded
                    LocalDate[] latest = limitDates.computeIfAbsent(unit, u -> new TreeMap<>())
                            .computeIfAbsent(limit.category(), c -> new LocalDate[1]);
                    if (latest[0] == null || !limit.effectiveDate().isBefore(latest[0])) {
                        latest[0] = limit.effectiveDate();
                        unitLimits.computeIfAbsent(unit, u -> new TreeMap<>()).put(limit.category(), fen(limit.amount()));
                    }
                }
            }
            unitLimits.values().forEach(byCategory -> byCategory.forEach((category, fen) -> limits.merge(category, fen, Long::sum)));
            commitments.values().removeIf(commitment -> !commitment.opened);
        }

        private void spend(boolean fiscal, String economic, long fen) {
            if (fiscal) {
                ThreePublicCategory.ofEconomic(economic).ifPresent(category -> spent.merge(category, fen, Long::sum));
            }
        }

        private String named(String unit, String code) {
            return department && code != null ? unit + "/" + code : code;
        }

        private Line line(String unit, String id, Kind kind, String project) {
            return lines.computeIfAbsent(named(unit, id), key -> {
                Line line = new Line();
                line.unit = unit;
                line.id = named(unit, id);
                line.kind = kind;
                line.project = named(unit, project);
                return line;
            });
        }

        private Commitment commitment(String unit, String id) {
            return commitments.computeIfAbsent(named(unit, id), key -> {
                Commitment commitment = new Commitment();
                commitment.unit = unit;
                commitment.id = named(unit, id);
                return commitment;
            });
        }

        private void opened(Commitment commitment, String line, String project, long amount, String contract, String payee,
                            List<ScheduledPayment> schedule) {
            commitment.opened = true;
            commitment.line = named(commitment.unit, line);
            commitment.project = named(commitment.unit, project);
            commitment.amount = amount;
            commitment.contract = contract;
            commitment.payee = payee;
            commitment.schedule = schedule;
        }
    }

    /** {@code execution/series} at one month end: the values of its point, or of one project's. */
    Map<String, String> point(List<String> units, LocalDate monthEnd, Instant knownAt, String project) {
        State state = new State(units, monthEnd, knownAt);
        long budget = 0;
        long paid = 0;
        long committed = 0;
        for (Line line : state.lines.values()) {
            if (project == null || project.equals(line.project)) {
                budget += line.budget;
                paid += line.paid;
                committed += line.committed;
            }
        }
        long due = 0;
        for (Commitment commitment : state.commitments.values()) {
            if (project == null || project.equals(commitment.project)) {
                due += commitment.dueBy(monthEnd);
            }
        }
        Map<String, String> point = new LinkedHashMap<>();
        point.put("date", monthEnd.toString());
        point.put("fullYearBudget", yuan(budget));
        point.put("executed", yuan(paid));
        point.put("rate", budget == 0 ? "" : percent(paid, budget).toPlainString());
        point.put("committed", yuan(committed));
        point.put("scheduled", yuan(paid + due));
        point.put("elapsed", elapsed(monthEnd).toPlainString());
        return point;
    }

    /** The projects' names at a point: what a series can be asked for. */
    List<String> projects(List<String> units, LocalDate asOf, Instant knownAt) {
        return new State(units, asOf, knownAt).lines.values().stream().map(line -> line.project).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
    }

    /** The alerts at (asOf, knownAt), each as {code, severity, subject, id, figures}, in the documented order. */
    List<Map<String, Object>> alerts(List<String> units, LocalDate asOf, Instant knownAt) {
        State state = new State(units, asOf, knownAt);
        LocalDate yearEnd = LocalDate.of(CommitmentHistories.YEAR, 12, 31);
        LocalDate today = asOf.isAfter(yearEnd) ? yearEnd : asOf;
        BigDecimal elapsed = elapsed(asOf);
        // the judged: projects (their lines summed) first, then lines, each in order of id
        Map<String, long[]> projects = new TreeMap<>();
        Map<String, long[]> lines = new TreeMap<>();
        for (Line line : state.lines.values()) {
            long scheduled = 0;
            for (Commitment commitment : state.commitments.values()) {
                if (commitment.line.equals(line.id)) {
                    scheduled += commitment.dueBy(yearEnd);
                }
            }
            lines.put(line.id, new long[]{line.budget, line.paid, scheduled});
            if (line.project != null) {
                long[] sums = projects.computeIfAbsent(line.project, p -> new long[3]);
                sums[0] += line.budget;
                sums[1] += line.paid;
                sums[2] += scheduled;
            }
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (String subject : List.of("project", "line")) {
            (subject.equals("project") ? projects : lines).forEach((id, sums) -> {
                if (sums[0] > 0) {
                    BigDecimal rate = percent(sums[1], sums[0]);
                    BigDecimal lag = elapsed.subtract(rate);
                    if (lag.compareTo(LAG_POINTS) > 0) {
                        alerts.add(alert("BEHIND_SCHEDULE", "WARNING", subject, id, "fullYearBudget", yuan(sums[0]),
                                "executed", yuan(sums[1]), "rate", rate.toPlainString(), "elapsed", elapsed.toPlainString(),
                                "lag", lag.toPlainString(), "lagPoints", LAG_POINTS.toPlainString()));
                    }
                }
            });
        }
        List<Commitment> overdue = new ArrayList<>(state.commitments.values());
        overdue.sort(Comparator.comparing((Commitment commitment) -> commitment.line).thenComparing(commitment -> commitment.id));
        for (Commitment commitment : overdue) {
            long late = commitment.openSchedule().stream().filter(due -> due[0] < today.toEpochDay()).mapToLong(due -> due[1]).sum();
            if (late > 0) {
                long since = commitment.openSchedule().stream().filter(due -> due[0] < today.toEpochDay())
                        .mapToLong(due -> due[0]).min().orElseThrow();
                alerts.add(alert("OVERDUE_COMMITMENT", "CRITICAL", "line", commitment.line, "commitment", commitment.id,
                        "contract", commitment.contract == null ? "" : commitment.contract,
                        "payee", commitment.payee == null ? "" : commitment.payee, "amount", yuan(commitment.amount),
                        "paid", yuan(commitment.paid), "released", yuan(commitment.released),
                        "open", yuan(commitment.amount - commitment.paid - commitment.released - commitment.carriedOver),
                        "overdue", yuan(late),
                        "overdueSince", LocalDate.ofEpochDay(since).toString(), "asOf", today.toString()));
            }
        }
        for (String subject : List.of("project", "line")) {
            (subject.equals("project") ? projects : lines).forEach((id, sums) -> {
                long forecast = sums[1] + sums[2];
                if (sums[0] > 0 && BigDecimal.valueOf(forecast).multiply(HUNDRED)
                        .compareTo(FORECAST_PERCENT.multiply(BigDecimal.valueOf(sums[0]))) < 0) {
                    alerts.add(alert("YEAR_END_FORECAST", "WARNING", subject, id, "fullYearBudget", yuan(sums[0]),
                            "executed", yuan(sums[1]), "scheduled", yuan(sums[2]), "forecast", yuan(forecast),
                            "forecastRate", percent(forecast, sums[0]).toPlainString(),
                            "forecastPercent", FORECAST_PERCENT.toPlainString()));
                }
            });
        }
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            long limit = state.limits.getOrDefault(category, 0L);
            long spent = state.spent.getOrDefault(category, 0L);
            if (limit > 0 && spent * 10 >= limit * 8) {
                alerts.add(alert("THREE_PUBLIC_NEAR_LIMIT", spent >= limit ? "CRITICAL" : "WARNING", "category", category.name(),
                        "limit", yuan(limit), "actual", yuan(spent), "used", percent(spent, limit).toPlainString(),
                        "nearLimitPercent", "80"));
            }
        }
        return alerts;
    }

    private static Map<String, Object> alert(String code, String severity, String subject, String id, String... figures) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int index = 0; index < figures.length; index += 2) {
            named.put(figures[index], figures[index + 1]);
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("code", code);
        alert.put("severity", severity);
        alert.put("subject", subject);
        alert.put("id", id);
        alert.put("figures", named);
        return alert;
    }

    /** 序时进度: days of the year elapsed at the date, counting it, ÷ days of the year. */
    static BigDecimal elapsed(LocalDate date) {
        LocalDate first = LocalDate.of(CommitmentHistories.YEAR, 1, 1);
        long days = Math.max(0, Math.min(365, date.toEpochDay() - first.toEpochDay() + 1));
        return BigDecimal.valueOf(days * 100).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static long fen(Money money) {
        return money.fen();
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static Set<String> codes() {
        return Set.of("BEHIND_SCHEDULE", "OVERDUE_COMMITMENT", "YEAR_END_FORECAST", "THREE_PUBLIC_NEAR_LIMIT");
    }
}
