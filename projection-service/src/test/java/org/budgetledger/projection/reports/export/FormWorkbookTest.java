package org.budgetledger.projection.reports.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormWorkbookTest {

    /** One payment of 79,059,500.00 元 from a general-budget project line of 2140199. */
    private static final ReportInputs PAID = new ReportInputs(List.of(
            new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "业务工作经费",
                    LineOrigin.APPROPRIATION, 10_000_000_000L),
            new FactSum(Measure.EXPENDITURE, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "30201", "业务工作经费",
                    LineOrigin.APPROPRIATION, 7_905_950_000L)), Map.of());

    @Test
    void every_sheet_prints_on_a4_with_the_unit_and_table_above_and_the_point_in_time_and_page_below() throws IOException {
        try (XSSFWorkbook workbook = read(LocalDate.of(2023, 12, 31), "A&B 交通中心")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(10);
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                XSSFSheet sheet = workbook.getSheetAt(index);
                assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getHeader().getLeft()).isEqualTo("A&&B 交通中心");
                assertThat(sheet.getFooter().getLeft()).isEqualTo("截至 2023-12-31，已知至 2024-06-30 00:00:00 UTC");
                assertThat(sheet.getFooter().getRight()).isEqualTo("第 &P 页 共 &N 页");
            }
            assertThat(workbook.getSheet("公开01表").getHeader().getCenter()).isEqualTo("收入支出决算总表 公开01表");
            // at year end no stamp: row 1 holds only the form number
            assertThat(text(workbook.getSheet("公开01表"), "非年末数")).isNull();
        }
    }

    @Test
    void amounts_are_numbers_with_thousands_separators_totals_bold_and_line_numbers_centred() throws IOException {
        try (XSSFWorkbook workbook = read(LocalDate.of(2023, 12, 31), "交通中心")) {
            XSSFSheet t01 = workbook.getSheet("公开01表");
            Cell amount = beside(t01, "十三、交通运输支出");
            assertThat(amount.getNumericCellValue()).isEqualTo(79_059_500.00);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell total = text(t01, "本年支出合计");
            assertThat(workbook.getFontAt(total.getCellStyle().getFontIndex()).getBold()).isTrue();
            Cell transportName = text(t01, "十三、交通运输支出");
            assertThat(workbook.getFontAt(transportName.getCellStyle().getFontIndex()).getBold()).isFalse();
            Cell lineNumber = transportName.getRow().getCell(transportName.getColumnIndex() + 1);
            assertThat(lineNumber.getStringCellValue()).matches("\\d+");
            assertThat(lineNumber.getCellStyle().getAlignment().name()).isEqualTo("CENTER");
        }
    }

    @Test
    void a_mid_year_table_is_stamped_and_an_empty_t07_says_so_instead_of_printing_zeros() throws IOException {
        try (XSSFWorkbook workbook = read(LocalDate.of(2023, 6, 30), "交通中心")) {
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                assertThat(text(workbook.getSheetAt(index), "截至 2023-06-30（非年末数）")).isNotNull();
            }
            XSSFSheet t07 = workbook.getSheet("公开07表");
            assertThat(text(t07, "我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。")).isNotNull();
            assertThat(numbers(t07)).isEmpty();
            assertThat(text(workbook.getSheet("公开08表"), "我单位没有使用国有资本经营预算安排的支出，故本表无数据。")).isNotNull();
            // a table with numbers prints them and no such note
            assertThat(text(workbook.getSheet("公开01表"), "故本表无数据")).isNull();
        }
    }

    @Test
    void a_unit_year_with_nothing_recorded_prints_the_notice_under_the_title_and_no_table_of_zeros() throws IOException {
        List<Report> reports = new ArrayList<>();
        for (ReportTable table : ReportTables.all().values()) {
            reports.add(new Report(table, "430001", 2023, LocalDate.of(2023, 12, 31), Instant.parse("2023-01-01T00:00:00Z"),
                    Scale.WANYUAN, table.rows(new ReportInputs(List.of(), Map.of())), Scope.UNIT, "交通中心"));
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(reports, false)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(10);
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                XSSFSheet sheet = workbook.getSheetAt(index);
                Cell notice = text(sheet, "本单位2023年度尚无任何记录");
                assertThat(notice).as(sheet.getSheetName()).isNotNull();
                assertThat(notice.getStringCellValue())
                        .isEqualTo("截至 2023-12-31，已知至 2023-01-01 00:00:00 UTC，本单位2023年度尚无任何记录，故无报表数据。");
                // under the title and the 部门 line, above where the table's header starts
                assertThat(notice.getRowIndex()).as(sheet.getSheetName()).isEqualTo(3);
                assertThat(numbers(sheet)).as(sheet.getSheetName()).isEmpty();
            }
        }
        // with something recorded (at any date) the same empty tables print as they are, without the notice
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(reports, true)))) {
            assertThat(text(workbook.getSheet("公开01表"), "尚无任何记录")).isNull();
            assertThat(numbers(workbook.getSheet("公开01表"))).isNotEmpty().containsOnly(0.0);
        }
    }

    @Test
    void the_execution_sheet_prints_each_project_once_over_its_block_of_four_fund_rows() throws IOException {
        ReportInputs twoProjects = new ReportInputs(List.of(
                new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "运行维护经费",
                        LineOrigin.APPROPRIATION, 961_530_000L),
                new FactSum(Measure.EXPENDITURE, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "30227", "运行维护经费",
                        LineOrigin.APPROPRIATION, 861_810_000L),
                new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "运行维护经费",
                        LineOrigin.OPENING, 53_910_000L),
                new FactSum(Measure.BUDGET, Fund.OTHER, "2140199", Kind.PROJECT, null, "业务工作经费",
                        LineOrigin.APPROPRIATION, 8_290_000L)), Map.of());
        Report execution = new Report(ReportTables.byName("execution").orElseThrow(), "430001", 2023,
                LocalDate.of(2023, 12, 31), Instant.parse("2024-06-30T00:00:00Z"), Scale.WANYUAN,
                ReportTables.byName("execution").orElseThrow().rows(twoProjects), Scope.UNIT, "交通中心");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(List.of(execution))))) {
            XSSFSheet sheet = workbook.getSheet("预算执行");
            Cell header = text(sheet, "年初预算数");
            int firstBody = header.getRowIndex() + 1;
            // 合计, then the two projects in order, each a block of four rows
            for (String name : List.of("合计", "业务工作经费", "运行维护经费")) {
                List<Cell> named = cells(sheet, name);
                assertThat(named).as(name + " printed once").hasSize(1);
                Cell first = named.get(0);
                assertThat(first.getColumnIndex()).isZero();
                assertThat(sheet.getMergedRegions()).as(name + " merged over its block")
                        .anySatisfy(region -> assertThat(List.of(region.getFirstRow(), region.getLastRow(), region.getFirstColumn(),
                                region.getLastColumn())).containsExactly(first.getRowIndex(), first.getRowIndex() + 3, 0, 0));
                List<String> funds = new ArrayList<>();
                for (int row = first.getRowIndex(); row <= first.getRowIndex() + 3; row++) {
                    funds.add(sheet.getRow(row).getCell(1).getStringCellValue());
                    if (row > first.getRowIndex()) {
                        assertThat(sheet.getRow(row).getCell(0).getStringCellValue()).as("under " + name).isEmpty();
                    }
                }
                assertThat(funds).containsExactly("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金");
                assertThat((first.getRowIndex() - firstBody) % 4).isZero();
            }
            Cell maintenance = cells(sheet, "运行维护经费").get(0);
            Row total = maintenance.getRow();
            // 年初 961.53 + 53.91, 执行 861.81 of 1015.44: 84.87%, 得分 10 × 84.87% = 8.49; 分值 10
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(1015.44);
            assertThat(total.getCell(5).getStringCellValue()).isEqualTo("10");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(84.87);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(8.49);
            assertThat(sheet.getRow(maintenance.getRowIndex() + 1).getCell(5).getStringCellValue()).as("分值 on 总额 only").isEmpty();
        }
    }

    /** Every cell whose text is exactly {@code value}. */
    private static List<Cell> cells(XSSFSheet sheet, String value) {
        List<Cell> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                    found.add(cell);
                }
            }
        }
        return found;
    }

    private static XSSFWorkbook read(LocalDate asOf, String unitName) throws IOException {
        List<Report> reports = new ArrayList<>();
        for (ReportTable table : ReportTables.all().values()) {
            reports.add(new Report(table, "430001", 2023, asOf, Instant.parse("2024-06-30T00:00:00Z"), Scale.YUAN,
                    table.rows(PAID), Scope.UNIT, unitName));
        }
        return new XSSFWorkbook(new ByteArrayInputStream(FormWorkbook.write(reports)));
    }

    /** The first cell whose text contains {@code part}, or null. */
    private static Cell text(XSSFSheet sheet, String part) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(part)) {
                    return cell;
                }
            }
        }
        return null;
    }

    private static Cell beside(XSSFSheet sheet, String label) {
        Cell name = text(sheet, label);
        Row row = name.getRow();
        for (int column = name.getColumnIndex() + 1; column < row.getLastCellNum(); column++) {
            if (row.getCell(column) != null && row.getCell(column).getCellType() == CellType.NUMERIC) {
                return row.getCell(column);
            }
        }
        throw new AssertionError("no number beside " + label);
    }

    private static List<Double> numbers(XSSFSheet sheet) {
        List<Double> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.NUMERIC) {
                    found.add(cell.getNumericCellValue());
                }
            }
        }
        return found;
    }
}
