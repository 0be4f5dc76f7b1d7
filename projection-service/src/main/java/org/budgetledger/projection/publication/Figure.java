package org.budgetledger.projection.publication;

import org.budgetledger.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A named value the narrative's sentences print (SPEC §15): an amount (in 分, printed in 万元 as the tables print their
 * cells), a percent, a count, a piece of text taken from the data (a row's name, a list of names), a condition a
 * sentence depends on, or a list of items, each with figures of its own.
 */
public sealed interface Figure {

    /** The figure as the text prints it. */
    String text();

    /** An amount in 分, printed in 万元, rounded half-up to two decimals as each cell of the 万元 forms is. */
    record Amount(long fen) implements Figure {
        @Override
        public String text() {
            return Money.ofFen(fen).toWanyuanString();
        }
    }

    /** A percent with two decimals (printed without the sign: the sentence writes %). */
    record Percent(BigDecimal value) implements Figure {
        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** A count: 团组, 人次, 辆, 台（套）… */
    record Count(long value) implements Figure {
        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** Text from the data: a name, a list of names, a year. */
    record Text(String value) implements Figure {
        @Override
        public String text() {
            return value;
        }
    }

    /** A condition: whether a sentence, or a part of one, is said. */
    record Flag(boolean value) implements Figure {
        @Override
        public String text() {
            return value ? "是" : "否";
        }
    }

    /** Items a sentence (or a block of them) is said of, one after the other; {@code key} names each item's blanks. */
    record Items(List<Item> items) implements Figure {
        @Override
        public String text() {
            return Integer.toString(items.size());
        }
    }

    /** One item of a list: its key (unique in the list) and its figures. */
    record Item(String key, Map<String, Figure> figures) {
    }
}
