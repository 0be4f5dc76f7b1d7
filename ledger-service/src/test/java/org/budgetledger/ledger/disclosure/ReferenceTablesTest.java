package org.budgetledger.ledger.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last year's published tables (SPEC §15, reference): the nine golden CSVs or a workbook are recorded as one event,
 * amounts in 元; a bad file — wrong layout, a cell that is no number, another year's or another unit's — is refused
 * with its file, row and column named, and nothing is stored.
 */
class ReferenceTablesTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09");

    private HttpApi api;
    private String unit;
    private String path;

    @BeforeEach
    void unit() {
        api = api();
        unit = newUnit("R");
        path = "/api/v1/units/" + unit + "/years/2023/reference";
    }

    @Test
    void the_nine_golden_csv_files_are_recorded_as_one_event_with_amounts_in_yuan() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String table : TABLES) {
            files.put(table + ".csv", golden(table));
        }

        Answer answer = api.postFiles(path, files);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("tablesYear").asInt()).isEqualTo(2022);
        assertThat(answer.body().path("fileUnit").asText()).isEqualTo("WANYUAN");
        assertThat(answer.body().path("tables").findValuesAsText("table")).containsExactlyElementsOf(TABLES);
        JsonNode stored = storedReference();
        JsonNode t01 = stored.path("tables").get(0);
        assertThat(t01.path("columns").toString()).isEqualTo("[\"side\",\"line\",\"item\",\"amount\"]");
        assertThat(t01.path("rows").get(0).toString()).isEqualTo("[\"income\",\"1\",\"一、一般公共预算财政拨款收入\",\"79059500.00\"]");
        // T07's 合计 row is all blank but its name, as published
        assertThat(stored.path("tables").get(6).path("rows").get(0).toString()).isEqualTo("[null,\"合计\",null,null,null,null,null,null]");
    }

    @Test
    void a_workbook_gives_a_table_per_sheet_in_yuan_when_told() throws IOException {
        byte[] workbook = workbook(Map.of("T09", List.of(
                List.of("kind", "total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"),
                List.of("budget", "66000", "0", "36000", "0", "36000", "30000"),
                List.of("actual", "20100.5", "0", "16000", "0", "16000", "4100.5"))));

        Answer answer = api.postFiles(path + "?scale=yuan", Map.of("上年三公.xlsx", workbook));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(storedReference().path("tables").get(0).path("rows").get(1).toString())
                .isEqualTo("[\"actual\",\"20100.50\",\"0.00\",\"16000.00\",\"0.00\",\"16000.00\",\"4100.50\"]");
    }

    @Test
    void a_file_in_another_layout_is_refused_naming_row_1_and_the_column() throws IOException {
        Answer answer = api.postFiles(path, Map.of("T01.csv", golden("T02")));

        assertRefused(answer, "T01.csv", "row 1, column A: T01 in its golden layout has side there, not subject_code"
                + " (the columns are side,line,item,amount)");
    }

    @Test
    void a_cell_that_is_no_number_is_refused_naming_its_row_and_column() throws IOException {
        String t01 = new String(golden("T01"), StandardCharsets.UTF_8).replace("income,2,二、政府性基金预算财政拨款收入,0.00",
                "income,2,二、政府性基金预算财政拨款收入,七百");

        Answer answer = api.postFiles(path, Map.of("T01.csv", t01.getBytes(StandardCharsets.UTF_8)));

        assertRefused(answer, "T01.csv", "row 3, column D (amount): not a number: \"七百\"");
    }

    @Test
    void a_row_key_out_of_its_layout_and_too_many_decimals_are_each_named() throws IOException {
        String t09 = "kind,total,abroad,vehicle_subtotal,vehicle_purchase,vehicle_operation,reception\n"
                + "plan,6.60,0.00,3.60,0.00,3.60,3.00\n"
                + "actual,1.1712345,0.00,0.85,0.00,0.85,0.33\n";

        Answer answer = api.postFiles(path, Map.of("T09.csv", t09.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("message")).containsExactly(
                "row 2, column A (kind): must be budget or actual, not \"plan\"",
                "row 3, column B (total): at most 6 decimals in 万元: 1.1712345");
        assertNothingStored();
    }

    @Test
    void files_of_another_year_or_another_unit_are_refused() throws IOException {
        String other = newUnit("R");

        Answer year = api.postFiles(path, Map.of(unit + "-测试单位-2023-T01.csv", golden("T01")));
        Answer otherUnit = api.postFiles(path, Map.of(other + "-测试单位-2022-T01.csv", golden("T01")));

        assertRefused(year, unit + "-测试单位-2023-T01.csv",
                "the file is named for year 2023; the reference holds the tables of 2022 (the year before the publication's)");
        assertRefused(otherUnit, other + "-测试单位-2022-T01.csv", "the file is named for unit " + other + ", not " + unit);
    }

    @Test
    void a_table_given_twice_or_a_file_of_no_table_is_refused() throws IOException {
        Answer twice = api.postFiles(path, new LinkedHashMap<>(Map.of("T01.csv", golden("T01"), "第一张表 T01.csv", golden("T01"))));
        Answer shared = api.postFiles(path, Map.of("上年表.csv", golden("T05")));

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").findValuesAsText("message")).containsExactly("T01 is given twice");
        assertRefused(shared, "上年表.csv", "no table of T01 … T09: name the file after its table (T01.csv, T05 …) or give it"
                + " a table's golden header");
    }

    @Test
    void another_units_administrator_may_not_and_an_unknown_unit_is_not_found() throws IOException {
        Answer unknown = api.postFiles("/api/v1/units/NOPE" + unit + "/years/2023/reference", Map.of("T01.csv", golden("T01")));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.postFiles("/api/v1/units/" + unit + "/years/1999/reference", Map.of("T01.csv", golden("T01"))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertNothingStored();
    }

    private void assertRefused(Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        JsonNode error = answer.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).isEqualTo(message);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?")
                .param(unit + ":2023:reference").query(Long.class).single()).isZero();
    }

    private JsonNode storedReference() throws IOException {
        byte[] payload = jdbc.sql("SELECT payload FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?"
                + " ORDER BY globalIndex DESC LIMIT 1").param(unit + ":2023:reference").query(byte[].class).single();
        return JSON.readTree(payload);
    }

    private static byte[] golden(String table) throws IOException {
        try (InputStream in = Objects.requireNonNull(ReferenceTablesTest.class.getResourceAsStream("/reference/golden/" + table + ".csv"))) {
            return in.readAllBytes();
        }
    }

    private static byte[] workbook(Map<String, List<List<String>>> sheets) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                XSSFSheet sheet = workbook.createSheet(name);
                for (int index = 0; index < rows.size(); index++) {
                    XSSFRow row = sheet.createRow(index);
                    for (int column = 0; column < rows.get(index).size(); column++) {
                        String cell = rows.get(index).get(column);
                        if (index > 0 && column > 0) {
                            row.createCell(column).setCellValue(Double.parseDouble(cell));
                        } else {
                            row.createCell(column).setCellValue(cell);
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
