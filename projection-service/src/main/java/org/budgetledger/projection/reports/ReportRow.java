package org.budgetledger.projection.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One row of a report. {@code side} and {@code line} (行次) are for the two-sided summary tables,
 * {@code code} for rows keyed by a code, {@code group} and {@code part} for the tables with row blocks;
 * {@code values} maps column names to amounts as strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRow(String code, String name, String side, Integer line, String group, String part,
                        Map<String, String> values) {

    public static ReportRow coded(String code, String name, Map<String, String> values) {
        return new ReportRow(code, name, null, null, null, null, values);
    }

    public static ReportRow numbered(String code, String name, String side, int line, Map<String, String> values) {
        return new ReportRow(code, name, side, line, null, null, values);
    }
}
