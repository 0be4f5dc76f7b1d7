package org.budgetledger.projection.reports.drilldown;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of the transactions behind one cell (issue #20): the cell (table, row, column, at asOf and knownAt, in the
 * scope) and its amount as the report shows it, in 元; the page, in the order of effective date then sequence, and its
 * total. All pages together sum to the cell exactly.
 *
 * @param rowName    null when the report shows no such row at this point (a subject or project with no amounts)
 * @param columnName the column's header on the official form
 */
@Schema(name = "CellTransactions")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellTransactions(String table, String unit, String unitName, int year, LocalDate asOf, Instant knownAt,
                               String scope, String row, String rowName, String column, String columnName, String cell,
                               int page, int size,
                               boolean hasNext, String pageTotal, List<TransactionLine> transactions) {
}
