package org.budgetledger.contracts.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An exact amount of money in 分 (fen, 0.01 元). Parsed from and written as a decimal string in 元
 * with at most two decimals; never a floating-point number.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** At most 15 integer digits keeps every sum of a realistic ledger far inside a long of fen. */
    public static final int INTEGER_DIGITS_MAX = 15;

    private static final Pattern YUAN = Pattern.compile("-?(\\d{1,15})(\\.\\d{1,2})?");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a decimal string in 元: an optional minus sign, 1–15 integer digits, optionally a point and
     * one or two decimals. Anything else (exponents, NaN, blanks, a plus sign, three decimals) is refused.
     */
    @JsonCreator
    public static Money parseYuan(String text) {
        if (text == null || !YUAN.matcher(text).matches()) {
            throw new InvalidAmountException(text);
        }
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        int point = digits.indexOf('.');
        long yuan = Long.parseLong(point < 0 ? digits : digits.substring(0, point));
        String decimals = point < 0 ? "" : digits.substring(point + 1);
        long cents = decimals.isEmpty() ? 0 : Long.parseLong((decimals + "0").substring(0, 2));
        long fen = yuan * 100 + cents;
        return new Money(negative ? -fen : fen);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    /** The amount in 元 with exactly two decimals, e.g. {@code "79059500.00"}. */
    @JsonValue
    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * The amount in 万元, rounded half-up to two decimals on its own, as the official forms print each cell.
     */
    public String toWanyuanString() {
        return BigDecimal.valueOf(fen, 6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
