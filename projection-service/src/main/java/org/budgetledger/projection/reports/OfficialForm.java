package org.budgetledger.projection.reports;

import java.util.List;

/** What the official 2023 form of a report prints around its numbers: title, form number, column headers, notes. */
public record OfficialForm(String title, String number, List<String> columnLabels, String note) {

    public static final String ROUNDING_NOTE = "本套报表金额单位转换时可能存在尾数误差。";
}
