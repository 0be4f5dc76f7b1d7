package org.budgetledger.platform.jdbc;

import org.springframework.jdbc.support.SqlArrayValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows written by one statement: a SQL array per column, which the statement unnests
 * ({@code INSERT … SELECT * FROM unnest(?, ?, …)}). One statement for many rows costs the database far less
 * than a JDBC batch of one statement per row.
 */
public final class ColumnArrays {

    private final String[] types;
    private final List<List<Object>> values = new ArrayList<>();

    /** @param types each column's SQL type; dates and instants are given as their ISO text */
    public ColumnArrays(String... types) {
        this.types = types;
        for (String ignored : types) {
            values.add(new ArrayList<>());
        }
    }

    public void add(Object... row) {
        for (int column = 0; column < types.length; column++) {
            values.get(column).add(row[column]);
        }
    }

    public boolean isEmpty() {
        return values.get(0).isEmpty();
    }

    /** One parameter per column, in order. */
    public Object[] arrays() {
        Object[] arrays = new Object[types.length];
        for (int column = 0; column < types.length; column++) {
            List<Object> elementsOfColumn = values.get(column);
            Object[] elements = switch (types[column]) {
                case "bigint" -> elementsOfColumn.stream().map(value -> value == null ? null : ((Number) value).longValue()).toArray(Long[]::new);
                case "int" -> elementsOfColumn.stream().map(value -> value == null ? null : ((Number) value).intValue()).toArray(Integer[]::new);
                default -> elementsOfColumn.stream().map(value -> value == null ? null : value.toString()).toArray(String[]::new);
            };
            arrays[column] = new SqlArrayValue(types[column], elements);
        }
        return arrays;
    }
}
