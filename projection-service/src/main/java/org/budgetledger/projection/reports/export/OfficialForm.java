package org.budgetledger.projection.reports.export;

import java.util.List;
import java.util.Map;

/** What the official 2023 form of a report prints around its numbers: title, form number, column headers, notes. */
record OfficialForm(String title, String number, List<String> columnLabels, String note) {

    static final String ROUNDING_NOTE = "本套报表金额单位转换时可能存在尾数误差。";

    static final Map<String, OfficialForm> BY_TABLE = Map.of(
            "T01", new OfficialForm("收入支出决算总表", "公开01表", List.of("金额"),
                    "注：本表反映部门本年度的总收支和年末结转结余情况。"),
            "T02", new OfficialForm("收入决算表", "公开02表", List.of("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                    "经营收入", "附属单位上缴收入", "其他收入"), "注：本表反映部门本年度取得的各项收入情况。"),
            "T03", new OfficialForm("支出决算表", "公开03表", List.of("本年支出合计", "基本支出", "项目支出", "上缴上级支出",
                    "经营支出", "对附属单位补助支出"), "注：本表反映部门本年度各项支出情况。"),
            "T04", new OfficialForm("财政拨款收入支出决算总表", "公开04表", List.of("合计", "一般公共预算财政拨款",
                    "政府性基金预算财政拨款", "国有资本经营预算财政拨款"),
                    "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"),
            "T05", new OfficialForm("一般公共预算财政拨款支出决算表", "公开05表", List.of("小计", "基本支出", "项目支出"),
                    "注：本表反映部门本年度一般公共预算财政拨款支出情况。"),
            "T06", new OfficialForm("一般公共预算财政拨款基本支出决算明细表", "公开06表", List.of("决算数"),
                    "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"),
            "T07", new OfficialForm("政府性基金预算财政拨款收入支出决算表", "公开07表", List.of("年初结转和结余", "本年收入",
                    "本年支出小计", "基本支出", "项目支出", "年末结转和结余"),
                    "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"),
            "T08", new OfficialForm("国有资本经营预算财政拨款支出决算表", "公开08表", List.of("合计", "基本支出", "项目支出"),
                    "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"),
            "T09", new OfficialForm("财政拨款“三公”经费支出决算表", "公开09表", List.of("合计", "因公出国（境）费",
                    "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"),
                    "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；"
                            + "决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。"),
            "execution", new OfficialForm("预算执行情况", "项目资金", List.of("年初预算数", "全年预算数", "全年执行数", "执行率（%）"),
                    "注：年初预算数为批复和期初结转的指标，全年预算数含年中调整和调剂，执行数为支付数（扣除当年退回）。"));
}
