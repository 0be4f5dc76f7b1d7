package org.budgetledger.projection.reports.drilldown;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One transaction behind a cell, as the drill-down lists it: its id and type as posted, its dates, its dimensions with
 * the catalog's names (as known at the report's knownAt), its amount as the cell counts it (a refund negative in an
 * expenditure cell, an expenditure negative in 年末结转和结余), its 摘要, 凭证号 and who posted it. {@code unit} and
 * {@code unitName} at department scope only; {@code category} for a 三公 limit in force (公开09表 预算数), which has
 * no subject. {@code sequence} and {@code part} name the fact (a 调剂 moves money between two lines: two facts).
 */
@Schema(name = "CellTransaction")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionLine(long sequence, int part, String id, String type, LocalDate date, Instant recordedAt,
                              String unit, String unitName, Code subject, Code economic, String fund, String kind,
                              String project, String line, String measure, String category, String amount, String memo,
                              String voucher, String principal) {

    /** A catalog code with its name. */
    @Schema(name = "CatalogCode")
    public record Code(String code, String name) {
    }
}
