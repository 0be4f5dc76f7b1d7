package org.budgetledger.projection.reports;

import org.budgetledger.contracts.money.Money;

/** How report cells are written: exact 元, or 万元 rounded half-up per cell as the official forms do. */
public enum Scale {
    YUAN, WANYUAN;

    public String format(long fen) {
        Money amount = Money.ofFen(fen);
        return this == YUAN ? amount.toYuanString() : amount.toWanyuanString();
    }

    public String parameterValue() {
        return name().toLowerCase();
    }

    public static Scale fromParameter(String value) {
        return Scale.valueOf(value.toUpperCase());
    }
}
