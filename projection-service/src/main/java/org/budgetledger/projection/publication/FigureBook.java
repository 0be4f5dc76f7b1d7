package org.budgetledger.projection.publication;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a publication by name, as they are computed: amounts, percents, counts, texts, conditions and lists.
 * A comparison with last year adds a family of figures around its name ({@link #compare}).
 */
final class FigureBook {

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    FigureBook amount(String name, long fen) {
        return put(name, new Figure.Amount(fen));
    }

    FigureBook percent(String name, BigDecimal value) {
        return put(name, new Figure.Percent(value));
    }

    FigureBook count(String name, long value) {
        return put(name, new Figure.Count(value));
    }

    FigureBook text(String name, String value) {
        return put(name, new Figure.Text(value));
    }

    FigureBook flag(String name, boolean value) {
        return put(name, new Figure.Flag(value));
    }

    /** A list of items, and the flag {@code name_present}: whether it has any. */
    FigureBook items(String name, List<Figure.Item> items) {
        flag(name + "_present", !items.isEmpty());
        return put(name, new Figure.Items(List.copyOf(items)));
    }

    /**
     * {@code name} (this year's amount) and, against last year's amount when there is one: {@code name_prev},
     * {@code name_change} (the difference, without its sign), {@code name_change_pct} (the difference in percent of
     * last year's), {@code name_trend} (增加, 减少 or 持平), and the conditions {@code name_has_prev}, {@code name_same},
     * {@code name_from_zero} (last year's was 0, this year's is not: no percent) and {@code name_changed} (a change
     * with its percent).
     */
    FigureBook compare(String name, long fen, Optional<Long> previousFen) {
        amount(name, fen);
        flag(name + "_has_prev", previousFen.isPresent());
        long previous = previousFen.orElse(0L);
        long change = Math.subtractExact(fen, previous);
        boolean same = previousFen.isPresent() && change == 0;
        boolean fromZero = previousFen.isPresent() && previous == 0 && change != 0;
        flag(name + "_same", same);
        flag(name + "_from_zero", fromZero);
        flag(name + "_changed", previousFen.isPresent() && !same && !fromZero);
        if (previousFen.isPresent()) {
            amount(name + "_prev", previous);
            amount(name + "_change", Math.abs(change));
            percent(name + "_change_pct", Shares.of(Math.abs(change), Math.abs(previous)));
            text(name + "_trend", change > 0 ? "增加" : change < 0 ? "减少" : "持平");
        }
        return this;
    }

    private FigureBook put(String name, Figure figure) {
        if (figures.putIfAbsent(name, figure) != null) {
            throw new IllegalStateException("figure " + name + " is computed twice");
        }
        return this;
    }

    Map<String, Figure> figures() {
        return Map.copyOf(figures);
    }

    /** An item of a list, its figures in a book of their own. */
    static Figure.Item item(String key, FigureBook book) {
        return new Figure.Item(key, book.figures());
    }
}
