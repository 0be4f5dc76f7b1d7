package org.budgetledger.ledger.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The golden layout of each of the nine 公开表 (SPEC §6: the CSV headers of the published tables' transcription,
 * which the projection's own CSV downloads also write): the columns that name a row, each with what it may hold,
 * then the amount columns.
 */
final class ReferenceLayouts {

    /** What a key column may hold: a pattern and the words that say so. */
    record KeyColumn(String name, Pattern allowed, String expected) {
    }

    /** A table's layout: its key columns, then its amount columns. */
    record Layout(String table, List<KeyColumn> keys, List<String> amounts) {

        List<String> header() {
            return java.util.stream.Stream.concat(keys.stream().map(KeyColumn::name), amounts.stream()).toList();
        }
    }

    private static final KeyColumn SIDE = key("side", "income|expenditure", "income or expenditure");
    private static final KeyColumn LINE = key("line", "[1-9][0-9]?", "a line number (行次) from 1 to 99");
    private static final KeyColumn ITEM = key("item", "(?s).{1,200}", "the row's label (at most 200 characters)");
    private static final KeyColumn SUBJECT_CODE = key("subject_code", "|[0-9]{3}|[0-9]{5}|[0-9]{7}",
            "empty (合计) or a 3-, 5- or 7-digit subject code");
    private static final KeyColumn SUBJECT_NAME = key("subject_name", "(?s).{1,200}", "the subject's name (at most 200 characters)");

    private static final Map<String, Layout> LAYOUTS = Map.of(
            "T01", new Layout("T01", List.of(SIDE, LINE, ITEM), List.of("amount")),
            "T02", subjects("T02", "total", "fiscal", "superior_subsidy", "business", "operating", "affiliate", "other"),
            "T03", subjects("T03", "total", "basic", "project", "remit_superior", "operating", "subsidy_affiliate"),
            "T04", new Layout("T04", List.of(SIDE, LINE, ITEM), List.of("total", "general_budget", "gov_fund", "state_capital")),
            "T05", subjects("T05", "total", "basic", "project"),
            "T06", new Layout("T06", List.of(key("group", "personnel|public|personnel_total|public_total",
                            "personnel, public, personnel_total or public_total"),
                    key("economic_code", "|[0-9]{3}|[0-9]{5}", "empty (a total) or a 3- or 5-digit economic code"),
                    key("economic_name", "(?s).{1,200}", "the economic code's name (at most 200 characters)")), List.of("amount")),
            "T07", subjects("T07", "opening", "income", "expenditure_total", "basic", "project", "closing"),
            "T08", subjects("T08", "total", "basic", "project"),
            "T09", new Layout("T09", List.of(key("kind", "budget|actual", "budget or actual")),
                    List.of("total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception")));

    /** The tables, in order. */
    static final List<String> TABLES = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09");

    private ReferenceLayouts() {
    }

    static Optional<Layout> of(String table) {
        return Optional.ofNullable(LAYOUTS.get(table));
    }

    /** The table a header is the layout of, when exactly one table has it (T05 and T08 share theirs). */
    static Optional<String> tableOfHeader(List<String> header) {
        List<String> matching = TABLES.stream().filter(table -> LAYOUTS.get(table).header().equals(header)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    static Set<String> tables() {
        return LAYOUTS.keySet();
    }

    private static Layout subjects(String table, String... amounts) {
        return new Layout(table, List.of(SUBJECT_CODE, SUBJECT_NAME), List.of(amounts));
    }

    private static KeyColumn key(String name, String allowed, String expected) {
        return new KeyColumn(name, Pattern.compile(allowed), expected);
    }
}
