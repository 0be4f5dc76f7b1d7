package org.budgetledger.contracts.events;

import java.util.List;

/**
 * One of last year's published tables (SPEC §15, reference): its name ({@code T01} … {@code T09}), its columns as the
 * published CSVs name them ({@code side,line,item,amount}; {@code subject_code,subject_name,total,…}) and its rows,
 * one cell per column: text as published for the columns that name a row, amounts in 元 with two decimals for the
 * others (whatever unit the file was in), null for an empty cell.
 */
public record ReferenceTable(String table, List<String> columns, List<List<String>> rows) {
}
