package org.budgetledger.projection.publication;

import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.t02.Income;
import org.budgetledger.projection.reports.t03.Expenditure;
import org.budgetledger.projection.reports.t04.FiscalSummary;
import org.budgetledger.projection.reports.t05.GeneralBudgetExpenditure;
import org.budgetledger.projection.reports.t06.GeneralBudgetBasicByEconomic;
import org.budgetledger.projection.reports.tables.SubjectRows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of 说明一 to 说明六 (SPEC §15): the accounts as the tables state them — totals, their parts and shares,
 * the comparison with last year, the 一般公共预算 spending by 类 and 项 against its 年初预算, 人员经费 and 公用经费 —
 * each read from a cell of this year's tables ({@link YearTables}) or of last year's.
 */
final class AccountFigures {

    /** 公开01表 行次. */
    static final int T01_TOTAL = 31;
    static final int T01_INCOME = 27;
    static final int T01_RESERVE = 28;
    static final int T01_OPENING = 29;
    static final int T01_EXPENDITURE = 58;
    static final int T01_DISTRIBUTED = 59;
    static final int T01_CLOSING = 60;
    /** 公开04表 行次. */
    static final int T04_TOTAL = 32;
    static final int T04_INCOME = 27;
    static final int T04_INCOME_GENERAL = 1;
    static final int T04_OPENING = 28;
    static final int T04_OPENING_GENERAL = 29;
    static final int T04_EXPENDITURE = 59;
    static final int T04_CLOSING = 60;

    /** 公开02表's income columns after 合计, as the 说明 names them. */
    static final Map<Column, String> INCOME_SOURCES = ordered(Income.FISCAL, "财政拨款收入", Income.SUPERIOR_SUBSIDY, "上级补助收入",
            Income.BUSINESS, "事业收入", Income.OPERATING, "经营收入", Income.AFFILIATE, "附属单位上缴收入", Income.OTHER, "其他收入");
    /** 公开03表's expenditure columns after 合计. */
    static final Map<Column, String> EXPENDITURE_KINDS = ordered(Expenditure.BASIC, "基本支出", Expenditure.PROJECT, "项目支出",
            Expenditure.REMIT_SUPERIOR, "上缴上级支出", Expenditure.OPERATING, "经营支出", Expenditure.SUBSIDY_AFFILIATE, "对附属单位补助支出");

    private AccountFigures() {
    }

    static void add(FigureBook book, YearTables tables, Optional<YearTables> previous) {
        overall(book, tables, previous);
        parts(book, "income_sources", tables.subject("T02", SubjectRows.TOTAL), INCOME_SOURCES);
        parts(book, "expenditure_kinds", tables.subject("T03", SubjectRows.TOTAL), EXPENDITURE_KINDS);
        fiscal(book, tables, previous);
        general(book, tables, previous);
        basic(book, tables);
    }

    /** 说明一: 资金来源 and 资金占用; 说明二, 三: the year's income and expenditure, compared with last year's. */
    private static void overall(FigureBook book, YearTables tables, Optional<YearTables> previous) {
        Column amount = IncomeAndExpenditureSummary.AMOUNT;
        book.compare("total", t01(tables, T01_TOTAL), previous.flatMap(last -> last.line("T01", T01_TOTAL, amount)));
        book.compare("income_total", t01(tables, T01_INCOME), previous.flatMap(last -> last.line("T01", T01_INCOME, amount)));
        book.compare("expenditure_total", t01(tables, T01_EXPENDITURE),
                previous.flatMap(last -> last.line("T01", T01_EXPENDITURE, amount)));
        long reserve = t01(tables, T01_RESERVE);
        book.amount("reserve_used", reserve).flag("has_reserve_used", reserve != 0)
                .amount("opening", t01(tables, T01_OPENING))
                .amount("distributed", t01(tables, T01_DISTRIBUTED)).flag("has_distributed", t01(tables, T01_DISTRIBUTED) != 0)
                .amount("closing", t01(tables, T01_CLOSING));
    }

    /** The non-zero columns of a 合计 row as items {name, amount, share}, the shares adding up to 100.00. */
    private static void parts(FigureBook book, String name, Optional<ReportRow> total, Map<Column, String> columns) {
        List<Column> present = columns.keySet().stream().filter(column -> total.map(row -> row.fen(column)).orElse(0L) != 0).toList();
        List<BigDecimal> shares = Shares.apportioned(present.stream().map(column -> total.orElseThrow().fen(column)).toList());
        List<Figure.Item> items = new ArrayList<>();
        for (int index = 0; index < present.size(); index++) {
            Column column = present.get(index);
            items.add(FigureBook.item(column.key(), new FigureBook().text("name", columns.get(column))
                    .amount("amount", total.orElseThrow().fen(column)).percent("share", shares.get(index))));
        }
        book.items(name, items);
    }

    /** 说明四: the fiscal money (财政拨款), its sources and uses, and whether all of it is 一般公共预算. */
    private static void fiscal(FigureBook book, YearTables tables, Optional<YearTables> previous) {
        Column total = FiscalSummary.TOTAL;
        Column general = FiscalSummary.GENERAL_BUDGET;
        book.compare("fiscal_total", t04(tables, T04_TOTAL, total), previous.flatMap(last -> last.line("T04", T04_TOTAL, total)));
        book.amount("fiscal_income", t04(tables, T04_INCOME, total))
                .flag("fiscal_income_all_general", t04(tables, T04_INCOME_GENERAL, total) == t04(tables, T04_INCOME, total))
                .amount("fiscal_opening", t04(tables, T04_OPENING, total))
                .flag("fiscal_opening_all_general", t04(tables, T04_OPENING_GENERAL, total) == t04(tables, T04_OPENING, total))
                .amount("fiscal_expenditure", t04(tables, T04_EXPENDITURE, total))
                .flag("fiscal_expenditure_all_general", t04(tables, T04_EXPENDITURE, general) == t04(tables, T04_EXPENDITURE, total))
                .amount("fiscal_closing", t04(tables, T04_CLOSING, total))
                .flag("fiscal_closing_all_general", t04(tables, T04_CLOSING, general) == t04(tables, T04_CLOSING, total));
    }

    /** 说明五: 一般公共预算财政拨款支出, its share of all spending, by 类, and by 项 against the 年初预算. */
    private static void general(FigureBook book, YearTables tables, Optional<YearTables> previous) {
        long spent = subjectCell(tables, "T05", SubjectRows.TOTAL, GeneralBudgetExpenditure.TOTAL);
        book.compare("general_expenditure", spent, previous.filter(last -> last.has("T05"))
                .map(last -> subjectCell(last, "T05", SubjectRows.TOTAL, GeneralBudgetExpenditure.TOTAL)));
        book.percent("general_expenditure_share", Shares.of(spent, t01(tables, T01_EXPENDITURE)));
        List<ReportRow> classes = tables.subjects("T05", 3);
        List<BigDecimal> shares = Shares.apportioned(classes.stream().map(row -> row.fen(GeneralBudgetExpenditure.TOTAL)).toList());
        List<Figure.Item> classItems = new ArrayList<>();
        List<Figure.Item> details = new ArrayList<>();
        for (int index = 0; index < classes.size(); index++) {
            ReportRow row = classes.get(index);
            classItems.add(FigureBook.item(row.code(), new FigureBook().text("name", row.name())
                    .amount("amount", row.fen(GeneralBudgetExpenditure.TOTAL)).percent("share", shares.get(index))));
            details.add(FigureBook.item(row.code(), new FigureBook().text("name", row.name())
                    .amount("amount", row.fen(GeneralBudgetExpenditure.TOTAL)).items("subjects", subjects(tables, row.code()))));
        }
        book.items("general_classes", classItems).items("general_class_details", details);
        long initial = tables.initialBudgetBySubjectFen().values().stream().mapToLong(Long::longValue).sum();
        book.amount("general_initial_budget", initial).percent("general_completion", Shares.of(spent, initial))
                .flag("general_has_initial_budget", initial != 0);
    }

    /** The 项 of a 类 in 公开05表, each against its 年初预算: {name (款 and 项), initial, actual, rate, above, below, equal}. */
    private static List<Figure.Item> subjects(YearTables tables, String classCode) {
        List<Figure.Item> items = new ArrayList<>();
        for (ReportRow item : tables.subjects("T05", 7)) {
            if (!item.code().startsWith(classCode)) {
                continue;
            }
            String segment = tables.subject("T05", item.code().substring(0, 5)).map(ReportRow::name).orElse("");
            long initial = tables.initialBudgetBySubjectFen().getOrDefault(item.code(), 0L);
            long actual = item.fen(GeneralBudgetExpenditure.TOTAL);
            items.add(FigureBook.item(item.code(), new FigureBook().text("segment", segment).text("name", item.name())
                    .amount("initial", initial).amount("actual", actual).percent("rate", Shares.of(actual, initial))
                    .flag("has_initial", initial != 0).flag("above", actual > initial).flag("below", actual < initial)
                    .flag("equal", actual == initial)));
        }
        return items;
    }

    /** 说明六: 基本支出 of 一般公共预算 in 人员经费 and 公用经费, with what each consisted of (公开06表). */
    private static void basic(FigureBook book, YearTables tables) {
        long personnel = tables.economic(GeneralBudgetBasicByEconomic.PERSONNEL_TOTAL).map(row -> row.fen(GeneralBudgetBasicByEconomic.AMOUNT)).orElse(0L);
        long common = tables.economic(GeneralBudgetBasicByEconomic.PUBLIC_TOTAL).map(row -> row.fen(GeneralBudgetBasicByEconomic.AMOUNT)).orElse(0L);
        List<BigDecimal> shares = Shares.apportioned(List.of(personnel, common));
        book.amount("basic_total", subjectCell(tables, "T05", SubjectRows.TOTAL, GeneralBudgetExpenditure.BASIC))
                .amount("personnel", personnel).percent("personnel_share", shares.get(0)).text("personnel_items", names(tables, "personnel"))
                .flag("personnel_items_present", !names(tables, "personnel").isEmpty())
                .amount("public", common).percent("public_share", shares.get(1)).text("public_items", names(tables, "public"))
                .flag("public_items_present", !names(tables, "public").isEmpty());
    }

    /**
     * The names of the non-zero 款 of a block of 公开06表, joined as a sentence lists them, each once (31013 and 30913
     * are both 公务用车购置).
     */
    private static String names(YearTables tables, String group) {
        return String.join("、", tables.rows("T06").stream().filter(row -> group.equals(row.group()) && row.code().length() == 5
                && row.fen(GeneralBudgetBasicByEconomic.AMOUNT) != 0).map(ReportRow::name).distinct().toList());
    }

    private static long t01(YearTables tables, int line) {
        return tables.line("T01", line, IncomeAndExpenditureSummary.AMOUNT).orElse(0L);
    }

    private static long t04(YearTables tables, int line, Column column) {
        return tables.line("T04", line, column).orElse(0L);
    }

    static long subjectCell(YearTables tables, String table, String code, Column column) {
        return tables.subject(table, code).map(row -> row.fen(column)).orElse(0L);
    }

    private static Map<Column, String> ordered(Object... pairs) {
        Map<Column, String> map = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            map.put((Column) pairs[index], (String) pairs[index + 1]);
        }
        return map;
    }
}
