package org.budgetledger.contracts.money;

/** A text that is not an exact amount in 元 with at most two decimals. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String text) {
        super("not an amount in 元 with at most two decimals and at most " + Money.INTEGER_DIGITS_MAX
                + " integer digits: " + (text == null ? "null" : '"' + abbreviate(text) + '"'));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
