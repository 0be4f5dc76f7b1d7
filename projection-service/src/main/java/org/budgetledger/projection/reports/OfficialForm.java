package org.budgetledger.projection.reports;

import java.util.List;

/**
 * What the official 2023 form of a report prints around its numbers: title, form number, column headers, notes.
 *
 * @param emptyNote what the published form says instead of its numbers when the unit has none to show
 *                  (公开07表, 公开08表: "…故本表无数据。"), or null when the form prints its zeros
 */
public record OfficialForm(String title, String number, List<String> columnLabels, String note, String emptyNote) {

    public static final String ROUNDING_NOTE = "本套报表金额单位转换时可能存在尾数误差。";

    /** A form that prints its zeros when there is nothing to show. */
    public OfficialForm(String title, String number, List<String> columnLabels, String note) {
        this(title, number, columnLabels, note, null);
    }
}
