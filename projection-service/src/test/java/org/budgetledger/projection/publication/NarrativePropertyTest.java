package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.codes.VehicleUse;
import org.budgetledger.contracts.events.AssetHoldings;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.PerformanceResult;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.events.VehicleHoldings;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.RandomHistories;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrative said of random histories (SPEC §15): every number of the generated text is a figure (the template's
 * own words hold none), and every figure equals what this test computes itself from the rows of the tables the
 * sentence talks about — or from the history's events, for the two statements no 公开表 prints (the 年初预算 of a 项,
 * the fiscal 会议费 and 培训费) — or from the disclosure and profile given; last year's from last year's tables. The
 * shares a sentence lists add up to 100.00% exactly, each within a hundredth of its own quotient.
 */
class NarrativePropertyTest {

    private static final Instant KNOWN_AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Pattern NUMBER_IN_WORDS = Pattern.compile("[0-9]+\\.[0-9]+|[0-9]+\\s*%");
    private static final Map<String, String> THREE_PUBLIC = Map.of("abroad", "abroad", "reception", "reception",
            "vehicle", "vehicle_subtotal", "vehicle_purchase", "vehicle_purchase", "vehicle_operation", "vehicle_operation");

    @Test
    void every_number_of_the_text_is_a_figure_computed_from_the_tables_and_shares_add_up() throws IOException {
        Narrative narrative;
        try (InputStream in = getClass().getResourceAsStream("/publication/narrative.yml")) {
            narrative = Narrative.read(in);
        }
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            List<Delivered> events = RandomHistories.of("U" + seed, seed, 1, 30 + random.nextInt(400));
            YearTables tables = YearTables.of(2023, inputs(events));
            Optional<YearTables> previous = switch (random.nextInt(3)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(lastYear(YearTables.of(2023, inputs(RandomHistories.of("P" + seed, seed + 1000, 1, 200))), false));
                default -> Optional.of(lastYear(random.nextBoolean() ? tables
                        : YearTables.of(2023, inputs(RandomHistories.of("R" + seed, seed + 2000, 1, 100))), true));
            };
            DisclosureSums sums = sums(random);
            Optional<UnitYearProfileSet> profile = random.nextBoolean() ? Optional.of(profile(random, "U" + seed)) : Optional.empty();
            DisclosureFigures.Unit unit = new DisclosureFigures.Unit("单位" + seed, UnitType.values()[random.nextInt(UnitType.values().length)],
                    random.nextBoolean() ? List.of("下属甲", "下属乙") : List.of(), random.nextBoolean(), random.nextInt(1_000_000),
                    random.nextBoolean());
            Map<String, Figure> figures = PublicationFigures.of(2023, tables, previous, sums, profile, unit);

            Verified verified = new Verified();
            expectScalars(verified, tables, previous, events, sums, profile, unit);
            expectItems(verified, figures, tables, previous, events);
            NarrativeRenderer renderer = new NarrativeRenderer(narrative, Map.of());
            List<Paragraph> paragraphs = new ArrayList<>();
            narrative.profile().forEach(section -> paragraphs.addAll(renderer.render(section, figures)));
            narrative.statements().forEach(section -> paragraphs.addAll(renderer.render(section, figures)));

            assertThat(paragraphs).as("seed %d", seed).isNotEmpty();
            for (Paragraph paragraph : paragraphs) {
                for (Segment segment : paragraph.segments()) {
                    if (segment instanceof Segment.Value value) {
                        assertThat(verified.holds(value.figure(), value.text()))
                                .as("seed %d: %s = %s in \"%s\"; computed: %s", seed, value.figure(), value.text(),
                                        paragraph.plainText(), verified.of(value.figure()))
                                .isTrue();
                    } else if (segment instanceof Segment.Words words) {
                        assertThat(NUMBER_IN_WORDS.matcher(words.text()).find())
                                .as("seed %d: a number in the words \"%s\"", seed, words.text()).isFalse();
                    }
                }
            }
        }
    }

    /** The figures of the text as this test computes them: each name with the texts it may print. */
    private static final class Verified {
        private final Map<String, Set<String>> texts = new HashMap<>();

        void put(String name, String text) {
            texts.computeIfAbsent(name, key -> new HashSet<>()).add(text);
        }

        void amount(String name, long fen) {
            put(name, Money.ofFen(fen).toWanyuanString());
        }

        void percent(String name, long part, long whole) {
            put(name, NarrativePropertyTest.percent(part, whole).toPlainString());
        }

        boolean holds(String name, String text) {
            return texts.getOrDefault(name, Set.of()).contains(text);
        }

        Set<String> of(String name) {
            return texts.getOrDefault(name, Set.of());
        }

        /** A comparison's figures: the amount and, against last year's, the change, its percent and its direction. */
        void compare(String name, long fen, Optional<Long> previous) {
            amount(name, fen);
            previous.ifPresent(last -> {
                amount(name + "_prev", last);
                amount(name + "_change", Math.abs(fen - last));
                percent(name + "_change_pct", Math.abs(fen - last), Math.abs(last));
                put(name + "_trend", fen > last ? "增加" : fen < last ? "减少" : "持平");
            });
        }
    }

    private static void expectScalars(Verified verified, YearTables tables, Optional<YearTables> previous, List<Delivered> events,
                                      DisclosureSums sums, Optional<UnitYearProfileSet> profile, DisclosureFigures.Unit unit) {
        verified.put("year", "2023");
        verified.put("previous_year", "2022");
        verified.put("unit_name", unit.name());
        verified.put("unit_type_name", Map.of(UnitType.ADMINISTRATIVE, "行政单位", UnitType.CIVIL_SERVICE_MANAGED, "参照公务员法管理事业单位",
                UnitType.PUBLIC_SERVICE_1, "公益一类事业单位", UnitType.PUBLIC_SERVICE_2, "公益二类事业单位", UnitType.SELF_FUNDED,
                "经费自理事业单位", UnitType.OTHER, "预算单位").get(unit.type()));
        verified.put("dept_unit_count", Integer.toString(unit.departmentUnitNames().size()));
        verified.put("dept_units", String.join("、", unit.departmentUnitNames()));
        verified.amount("running_costs", unit.runningCostsFen());
        for (Object[] line : new Object[][]{{"total", 31}, {"income_total", 27}, {"expenditure_total", 58}}) {
            verified.compare((String) line[0], line(tables, "T01", (int) line[1], "amount"),
                    previous.flatMap(last -> lineOf(last, "T01", (int) line[1], "amount")));
        }
        verified.amount("reserve_used", line(tables, "T01", 28, "amount"));
        verified.amount("opening", line(tables, "T01", 29, "amount"));
        verified.amount("distributed", line(tables, "T01", 59, "amount"));
        verified.amount("closing", line(tables, "T01", 60, "amount"));
        verified.compare("fiscal_total", line(tables, "T04", 32, "total"), previous.flatMap(last -> lineOf(last, "T04", 32, "total")));
        verified.amount("fiscal_income", line(tables, "T04", 27, "total"));
        verified.amount("fiscal_opening", line(tables, "T04", 28, "total"));
        verified.amount("fiscal_expenditure", line(tables, "T04", 59, "total"));
        verified.amount("fiscal_closing", line(tables, "T04", 60, "total"));
        long general = subject(tables, "T05", "TOTAL", "total");
        verified.compare("general_expenditure", general, previous.map(last -> subject(last, "T05", "TOTAL", "total")));
        verified.percent("general_expenditure_share", general, line(tables, "T01", 58, "amount"));
        long initial = initialBySubject(events).values().stream().mapToLong(Long::longValue).sum();
        verified.amount("general_initial_budget", initial);
        verified.percent("general_completion", general, initial);
        verified.amount("basic_total", subject(tables, "T05", "TOTAL", "basic"));
        long personnel = economic(tables, "personnel_total");
        long common = economic(tables, "public_total");
        verified.amount("personnel", personnel);
        verified.amount("public", common);
        shares(verified, List.of("personnel_share", "public_share"), List.of(personnel, common));
        verified.put("personnel_items", names(tables, "personnel"));
        verified.put("public_items", names(tables, "public"));
        threePublic(verified, tables, previous, sums, profile);
        for (String column : List.of("opening", "income", "closing")) {
            verified.amount("gf_" + column, subject(tables, "T07", "TOTAL", column));
        }
        verified.amount("gf_expenditure", subject(tables, "T07", "TOTAL", "expenditure_total"));
        verified.amount("meetings", fiscalSpending(events, "30215"));
        verified.amount("training", fiscalSpending(events, "30216"));
        verified.put("meeting_count", Long.toString(sums.counted("30215").count()));
        verified.put("meeting_persons", Long.toString(sums.counted("30215").persons()));
        verified.put("training_count", Long.toString(sums.counted("30216").count()));
        verified.put("training_persons", Long.toString(sums.counted("30216").persons()));
        procurement(verified, sums);
        assets(verified, profile);
        ReportRow total = tables.rows("execution").stream().filter(row -> row.code().equals("TOTAL") && row.part().equals("all"))
                .findFirst().orElseThrow();
        verified.amount("exec_budget", total.fen(Column.amount("full_year_budget")));
        verified.amount("exec_executed", total.fen(Column.amount("executed")));
        verified.percent("exec_rate", total.fen(Column.amount("executed")), total.fen(Column.amount("full_year_budget")));
        profile.ifPresent(set -> {
            verified.put("functions", String.valueOf(set.functions()));
            verified.put("organisation", String.valueOf(set.organisation()));
        });
    }

    private static void threePublic(Verified verified, YearTables tables, Optional<YearTables> previous, DisclosureSums sums,
                                    Optional<UnitYearProfileSet> profile) {
        long budget = threePublic(tables, "budget", "total");
        long actual = threePublic(tables, "actual", "total");
        verified.amount("tp_budget", budget);
        verified.percent("tp_rate", actual, budget);
        verified.compare("tp_actual", actual, previous.map(last -> threePublic(last, "actual", "total")));
        THREE_PUBLIC.forEach((stem, column) -> {
            verified.amount("tp_" + stem + "_budget", threePublic(tables, "budget", column));
            verified.percent("tp_" + stem + "_rate", threePublic(tables, "actual", column), threePublic(tables, "budget", column));
            verified.compare("tp_" + stem, threePublic(tables, "actual", column), previous.map(last -> threePublic(last, "actual", column)));
        });
        shares(verified, List.of("tp_reception_share", "tp_abroad_share", "tp_vehicle_share"), List.of(
                threePublic(tables, "actual", "reception"), threePublic(tables, "actual", "abroad"),
                threePublic(tables, "actual", "vehicle_subtotal")));
        verified.put("abroad_groups", Long.toString(sums.counted("30212").count()));
        verified.put("abroad_persons", Long.toString(sums.counted("30212").persons()));
        verified.put("reception_batches", Long.toString(sums.counted("30217").count()));
        verified.put("reception_persons", Long.toString(sums.counted("30217").persons()));
        verified.put("vehicles_bought", Long.toString(sums.counted("31013").count() + sums.counted("30913").count()));
        verified.put("vehicles_held", Long.toString(profile.map(set -> set.assets().vehicles().total()).orElse(0)));
    }

    private static void procurement(Verified verified, DisclosureSums sums) {
        long total = 0;
        long sme = 0;
        long smallMicro = 0;
        for (ProcurementCategory category : ProcurementCategory.values()) {
            Map<ProcurementAward, Long> awards = sums.procurementFen().getOrDefault(category, Map.of());
            long amount = awards.values().stream().mapToLong(Long::longValue).sum();
            long awardedSme = awards.getOrDefault(ProcurementAward.SME, 0L) + awards.getOrDefault(ProcurementAward.SMALL_MICRO, 0L);
            String stem = "procurement_" + category.name().toLowerCase();
            verified.amount(stem, amount);
            verified.percent(stem + "_sme_share", awardedSme, amount);
            total += amount;
            sme += awardedSme;
            smallMicro += awards.getOrDefault(ProcurementAward.SMALL_MICRO, 0L);
        }
        verified.amount("procurement_total", total);
        verified.amount("procurement_sme", sme);
        verified.percent("procurement_sme_share", sme, total);
        verified.amount("procurement_small_micro", smallMicro);
        verified.percent("procurement_small_micro_share", smallMicro, sme);
    }

    private static void assets(Verified verified, Optional<UnitYearProfileSet> profile) {
        Optional<VehicleHoldings> vehicles = profile.map(UnitYearProfileSet::assets).map(AssetHoldings::vehicles);
        verified.put("vehicles_total", Integer.toString(vehicles.map(VehicleHoldings::total).orElse(0)));
        for (VehicleUse use : VehicleUse.values()) {
            verified.put("vehicles_" + use.name().toLowerCase(),
                    Integer.toString(vehicles.map(held -> held.byType().getOrDefault(use, 0)).orElse(0)));
        }
        profile.map(UnitYearProfileSet::assets).ifPresent(assets -> {
            verified.put("equipment_over_1m", String.valueOf(assets.equipmentOver1m()));
            verified.put("equipment_over_500k", String.valueOf(assets.equipmentOver500k()));
        });
    }

    /** The lists: each item's figures from its row, and the shares of a list adding up to 100.00. */
    private static void expectItems(Verified verified, Map<String, Figure> figures, YearTables tables, Optional<YearTables> previous,
                                    List<Delivered> events) {
        parts(verified, figures, "income_sources", tables.subject("T02", "TOTAL").orElseThrow(), Map.of("fiscal", "财政拨款收入",
                "superior_subsidy", "上级补助收入", "business", "事业收入", "operating", "经营收入", "affiliate", "附属单位上缴收入",
                "other", "其他收入"));
        parts(verified, figures, "expenditure_kinds", tables.subject("T03", "TOTAL").orElseThrow(), Map.of("basic", "基本支出",
                "project", "项目支出", "remit_superior", "上缴上级支出", "operating", "经营支出", "subsidy_affiliate", "对附属单位补助支出"));
        List<ReportRow> classes = tables.rows("T05").stream().filter(row -> row.code().length() == 3).toList();
        List<Figure.Item> classItems = items(figures, "general_classes");
        assertThat(classItems).extracting(Figure.Item::key).containsExactlyElementsOf(classes.stream().map(ReportRow::code).toList());
        List<Long> amounts = new ArrayList<>();
        for (ReportRow row : classes) {
            verified.put("name", row.name());
            verified.amount("amount", row.fen(Column.amount("total")));
            amounts.add(row.fen(Column.amount("total")));
        }
        assertApportioned(classItems, amounts);
        classItems.forEach(item -> verified.put("share", item.figures().get("share").text()));
        Map<String, Long> initial = initialBySubject(events);
        for (ReportRow row : tables.rows("T05")) {
            if (row.code().length() == 7) {
                long actual = row.fen(Column.amount("total"));
                long budget = initial.getOrDefault(row.code(), 0L);
                verified.put("name", row.name());
                verified.put("segment", tables.subject("T05", row.code().substring(0, 5)).orElseThrow().name());
                verified.amount("initial", budget);
                verified.amount("actual", actual);
                verified.percent("rate", actual, budget);
            }
        }
        for (Figure.Item category : items(figures, "tp_categories")) {
            String column = THREE_PUBLIC.get(category.key());
            verified.put("label", ((Figure.Text) category.figures().get("label")).value());
            verified.compare("actual", threePublic(tables, "actual", column), previous.map(last -> threePublic(last, "actual", column)));
        }
        for (Figure.Item result : items(figures, "performance")) {
            result.figures().forEach((name, figure) -> verified.put(name, figure.text())); // the profile's, as written
        }
    }

    /** The non-zero columns of a 合计 row as a list: each its name and amount, the shares adding up. */
    private static void parts(Verified verified, Map<String, Figure> figures, String list, ReportRow total, Map<String, String> names) {
        List<Figure.Item> items = items(figures, list);
        assertThat(items).extracting(Figure.Item::key).containsExactlyInAnyOrderElementsOf(names.keySet().stream()
                .filter(column -> total.fen(Column.amount(column)) != 0).toList());
        List<Long> amounts = new ArrayList<>();
        for (Figure.Item item : items) {
            long fen = total.fen(Column.amount(item.key()));
            amounts.add(fen);
            verified.put("name", names.get(item.key()));
            verified.amount("amount", fen);
            verified.put("share", item.figures().get("share").text());
        }
        assertApportioned(items, amounts);
    }

    /** Each share within a hundredth of its quotient, and all of them 100.00, when the parts are positive. */
    private static void assertApportioned(List<Figure.Item> items, List<Long> amounts) {
        long whole = amounts.stream().mapToLong(Long::longValue).sum();
        if (items.isEmpty() || whole <= 0 || amounts.stream().anyMatch(amount -> amount < 0)) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int index = 0; index < items.size(); index++) {
            BigDecimal share = ((Figure.Percent) items.get(index).figures().get("share")).value();
            sum = sum.add(share);
            BigDecimal exact = BigDecimal.valueOf(amounts.get(index)).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_UP);
            assertThat(share.subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
        assertThat(sum).as("shares of %s", amounts).isEqualByComparingTo("100.00");
    }

    /** Shares apportioned as the text gives them, checked: 100.00 together, each within a hundredth of its half-up share. */
    private static void shares(Verified verified, List<String> names, List<Long> parts) {
        List<BigDecimal> shares = Shares.apportioned(parts);
        long whole = parts.stream().mapToLong(Long::longValue).sum();
        for (int index = 0; index < names.size(); index++) {
            verified.put(names.get(index), shares.get(index).toPlainString());
        }
        if (whole > 0 && parts.stream().allMatch(part -> part >= 0)) {
            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
            for (int index = 0; index < names.size(); index++) {
                assertThat(shares.get(index).subtract(percent(parts.get(index), whole)).abs())
                        .isLessThanOrEqualTo(new BigDecimal("0.01"));
            }
        }
    }

    private static List<Figure.Item> items(Map<String, Figure> figures, String name) {
        return ((Figure.Items) figures.get(name)).items();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? new BigDecimal("0.00") : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static long line(YearTables tables, String table, int line, String column) {
        return lineOf(tables, table, line, column).orElse(0L);
    }

    private static Optional<Long> lineOf(YearTables tables, String table, int line, String column) {
        return tables.rows(table).stream().filter(row -> row.line() != null && row.line() == line).findFirst()
                .map(row -> row.fen(Column.amount(column)));
    }

    private static long subject(YearTables tables, String table, String code, String column) {
        return tables.rows(table).stream().filter(row -> code.equals(row.code())).findFirst()
                .map(row -> row.fen(Column.amount(column))).orElse(0L);
    }

    private static long economic(YearTables tables, String code) {
        return tables.rows("T06").stream().filter(row -> code.equals(row.code())).findFirst()
                .map(row -> row.fen(Column.amount("amount"))).orElse(0L);
    }

    private static long threePublic(YearTables tables, String kind, String column) {
        return tables.rows("T09").stream().filter(row -> kind.equals(row.code())).findFirst()
                .map(row -> row.fen(Column.amount(column))).orElse(0L);
    }

    private static String names(YearTables tables, String group) {
        return String.join("、", tables.rows("T06").stream().filter(row -> group.equals(row.group()) && row.code().length() == 5
                && row.fen(Column.amount("amount")) != 0).map(ReportRow::name).distinct().toList());
    }

    /** This year's 一般公共预算 appropriations at their first amount, by 项: straight from the events. */
    private static Map<String, Long> initialBySubject(List<Delivered> events) {
        Map<String, Long> initial = new HashMap<>();
        for (Delivered delivered : events) {
            if (delivered.event() instanceof BudgetAppropriated appropriated && appropriated.fund() == Fund.GENERAL_BUDGET) {
                initial.merge(appropriated.subject(), appropriated.amount().fen(), Long::sum);
            }
        }
        return initial;
    }

    /** Fiscal payments of an economic code less their refunds: straight from the events. */
    private static long fiscalSpending(List<Delivered> events, String economic) {
        long fen = 0;
        for (Delivered delivered : events) {
            if (delivered.event() instanceof PaymentMade payment && payment.fund().isFiscal() && payment.economic().equals(economic)) {
                fen += payment.amount().fen();
            } else if (delivered.event() instanceof PaymentRefunded refund && refund.fund().isFiscal()
                    && refund.economic().equals(economic)) {
                fen -= refund.amount().fen();
            }
        }
        return fen;
    }

    private static ReportInputs inputs(List<Delivered> events) {
        List<Fact> facts = new ArrayList<>();
        events.forEach(delivered -> facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event())));
        return ReportInputs.of(facts, List.of(), new ReportPeriod(LocalDate.of(2023, 12, 31), KNOWN_AT));
    }

    /** Another history's tables as last year's, from the ledger or as a reference. */
    private static YearTables lastYear(YearTables tables, boolean fromReference) {
        return new YearTables(2022, fromReference, tables.tables(), Map.of(), Map.of());
    }

    private static DisclosureSums sums(Random random) {
        Map<ProcurementCategory, Map<ProcurementAward, Long>> procurement = new EnumMap<>(ProcurementCategory.class);
        for (ProcurementCategory category : ProcurementCategory.values()) {
            if (random.nextInt(3) > 0) {
                Map<ProcurementAward, Long> awards = new EnumMap<>(ProcurementAward.class);
                for (ProcurementAward award : ProcurementAward.values()) {
                    if (random.nextBoolean()) {
                        awards.put(award, (long) random.nextInt(100_000_000));
                    }
                }
                procurement.put(category, awards);
            }
        }
        Map<String, DisclosureSums.Counted> activity = new HashMap<>();
        for (String economic : List.of("30212", "30215", "30216", "30217", "31013", "30913")) {
            if (random.nextBoolean()) {
                activity.put(economic, new DisclosureSums.Counted(random.nextInt(20), random.nextInt(500)));
            }
        }
        return new DisclosureSums(procurement, activity);
    }

    private static UnitYearProfileSet profile(Random random, String unit) {
        Map<VehicleUse, Integer> byType = new EnumMap<>(VehicleUse.class);
        for (VehicleUse use : VehicleUse.values()) {
            if (random.nextBoolean()) {
                byType.put(use, random.nextInt(5));
            }
        }
        int total = byType.values().stream().mapToInt(Integer::intValue).sum();
        return new UnitYearProfileSet(unit, 2023, "职责" + random.nextInt(100), null,
                new AssetHoldings(new VehicleHoldings(total, byType), random.nextBoolean() ? random.nextInt(9) : null, random.nextInt(9)),
                List.of(new PerformanceResult("项目" + random.nextInt(9), new BigDecimal("88.5"), random.nextBoolean() ? "良" : null)),
                Map.of(), "t");
    }
}
