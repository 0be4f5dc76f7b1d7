package org.budgetledger.projection.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One row of a report. {@code side} and {@code line} (行次) are for the two-sided summary tables,
 * {@code code} for rows keyed by a code; {@code values} maps column names to amounts as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRow(String code, String name, String side, Integer line, Map<String, String> values) {
}
