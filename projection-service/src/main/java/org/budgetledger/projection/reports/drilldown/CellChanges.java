package org.budgetledger.projection.reports.drilldown;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What changed in a table between two points (issue #20): every cell whose amount differs, in the table's order, with
 * the transactions kept at one point and not the other (recorded between the two knownAt, or effective between the two
 * asOf) as each counts in the cell: positive when the second point adds it, its amount taken away when only the first
 * keeps it. For a unit's own report, or a department whose units are the same at both points, they add up to the
 * change; {@code complete} is false when more transactions changed than one answer lists (then none is listed).
 */
@Schema(name = "CellChanges")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellChanges(String table, String unit, String unitName, int year, String scope, Point first, Point second,
                          boolean complete, List<ChangedCell> cells) {

    @Schema(name = "ComparedPoint")
    public record Point(LocalDate asOf, Instant knownAt) {
    }

    /**
     * A cell that differs: its amounts in 元 (a rate column in percent, with no transactions), the change, and the
     * transactions behind the change: how many, their total, and the first of them.
     */
    @Schema(name = "ChangedCell")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangedCell(String row, String rowName, String column, String columnName, String before, String after,
                              String change,
                              Integer transactionCount, String transactionsTotal, List<TransactionLine> transactions) {
    }
}
