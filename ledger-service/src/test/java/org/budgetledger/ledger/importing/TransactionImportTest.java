package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /api/v1/transactions:import and GET /api/v1/imports/{id}, over HTTP on real PostgreSQL. */
class TransactionImportTest extends LedgerIntegrationTest {

    private static final String CLERK = "clerk-all";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to an upload: status, body and, for a job, where to follow it. */
    private record Upload(int status, String contentType, JsonNode body, URI location) {
    }

    private String unit;

    @BeforeEach
    void registerUnit() {
        unit = newUnit("I");
    }

    @Test
    void a_bad_row_in_mode_all_rejects_the_file_and_nothing_is_stored() {
        Upload upload = upload(CLERK, "vouchers.csv", withBom(fileWithTwoBadRows()), "");

        assertThat(upload.status()).isEqualTo(202);
        assertThat(upload.location().getPath()).isEqualTo("/api/v1/imports/" + upload.body().path("id").asText());
        JsonNode job = finished(CLERK, upload);
        assertThat(job.path("status").asText()).isEqualTo("REJECTED");
        assertThat(job.path("format").asText()).isEqualTo("csv");
        assertThat(job.path("charset").asText()).isEqualTo("UTF-8");
        assertThat(job.path("mode").asText()).isEqualTo("all");
        assertThat(job.path("rows").asInt()).isEqualTo(4);
        assertThat(job.path("processed").asInt()).isEqualTo(4);
        assertThat(job.path("created").asInt()).isZero();
        assertThat(job.path("rejected").asInt()).isEqualTo(2);
        assertBadRowsReported(job);
        assertThat(api().get("/api/v1/transactions/a1" + unit).status()).isEqualTo(404);
        assertThat(storedTransactions()).isZero();
    }

    @Test
    void mode_valid_stores_the_good_rows_and_importing_the_file_again_changes_nothing() {
        byte[] file = withBom(fileWithTwoBadRows());

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.csv", file, "?mode=valid"));

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("created").asInt()).isEqualTo(2);
        assertThat(job.path("unchanged").asInt()).isZero();
        assertThat(job.path("rejected").asInt()).isEqualTo(2);
        assertBadRowsReported(job);
        HttpApi.Answer payment = api().get("/api/v1/transactions/p1" + unit);
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.body().path("principal").asText()).isEqualTo(CLERK);
        long eventsBefore = storedEvents();

        JsonNode again = finished(CLERK, upload(CLERK, "vouchers.csv", file, "?mode=valid"));

        assertThat(again.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("rejected").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(storedTransactions()).isEqualTo(2);
    }

    @Test
    void a_gb18030_file_is_detected_and_its_chinese_text_stored_as_written() {
        String csv = header("id,type,unit,year,date,fund,subject,kind,project,memo,amount")
                + "a1" + unit + ",APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,PROJECT,业务工作经费,"
                + "\"年初批复，含差旅费\",1000000.00\n";

        JsonNode job = finished(CLERK, upload(CLERK, "凭证.csv", csv.getBytes(Charset.forName("GB18030")), ""));

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("charset").asText()).isEqualTo("GB18030");
        assertThat(job.path("fileName").asText()).isEqualTo("凭证.csv");
        JsonNode request = api().get("/api/v1/transactions/a1" + unit).body().path("request");
        assertThat(request.path("project").asText()).isEqualTo("业务工作经费");
        assertThat(request.path("memo").asText()).isEqualTo("年初批复，含差旅费");
    }

    @Test
    void the_template_heads_its_columns_in_chinese_and_a_file_filled_in_from_it_is_imported() throws IOException {
        byte[] csvTemplate = download("/api/v1/transactions:import/template?format=csv", "text/csv");
        String header = new String(csvTemplate, StandardCharsets.UTF_8);
        assertThat(header).startsWith("\uFEFF交易号,交易类型,单位代码,预算年度,业务日期,摘要,凭证号,资金来源,功能分类科目,支出类型,项目名称,"
                + "经济分类科目,金额,指标号,").endsWith("\r\n");
        List<String> headings = List.of(header.substring(1).strip().split(","));
        assertThat(headings).hasSize(TransactionColumns.NAMES.size()).doesNotHaveDuplicates();
        assertThat(headings).as("every field has a Chinese heading").noneMatch(heading -> heading.matches(".*[A-Za-z].*"));

        // the template filled in: its header as downloaded, a row under it
        int columns = headings.size();
        String[] appropriation = new String[columns];
        java.util.Arrays.fill(appropriation, "");
        Map<String, String> values = Map.of("交易号", "a1" + unit, "交易类型", "APPROPRIATE", "单位代码", unit, "预算年度", "2023",
                "业务日期", "2023-01-10", "资金来源", "GENERAL_BUDGET", "功能分类科目", "2140199", "支出类型", "PROJECT",
                "项目名称", "业务工作经费", "金额", "1000.00");
        values.forEach((heading, value) -> appropriation[headings.indexOf(heading)] = value);
        byte[] filled = (header + String.join(",", appropriation) + "\n").getBytes(StandardCharsets.UTF_8);
        JsonNode job = finished(CLERK, upload(CLERK, "凭证导入模板.csv", filled, ""));
        assertThat(job.path("status").asText()).as("%s", job).isEqualTo("COMPLETED");
        assertThat(api().get("/api/v1/transactions/a1" + unit).body().path("request").path("project").asText())
                .isEqualTo("业务工作经费");

        // the XLSX template has the same header; a header may mix headings and field names
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(
                download("/api/v1/transactions:import/template?format=xlsx", "application/vnd.openxmlformats")))) {
            Row first = workbook.getSheetAt(0).getRow(0);
            for (int column = 0; column < columns; column++) {
                assertThat(first.getCell(column).getStringCellValue()).isEqualTo(headings.get(column));
            }
        }
        String mixed = "交易号,type,单位代码,year,业务日期,指标号,经济分类科目,amount\n"
                + "p1" + unit + ",PAY," + unit + ",2023,2023-02-10,a1" + unit + ",30201,250.50\n";
        assertThat(finished(CLERK, upload(CLERK, "vouchers.csv", mixed.getBytes(StandardCharsets.UTF_8), ""))
                .path("created").asInt()).isEqualTo(1);
        // a heading and its field name both: the same column twice
        Upload twice = upload(CLERK, "vouchers.csv", "id,交易号,type\nx,x,PAY\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").get(0).path("message").asText()).isEqualTo("repeated column");
        assertThat(HttpApi.as(port, TestUsers.ADMIN).get("/api/v1/transactions:import/template?format=pdf").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    private byte[] download(String path, String contentType) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(CLERK, CLERK, StandardCharsets.UTF_8)).build()
                .get().uri(path).exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(200);
                    assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith(contentType);
                    assertThat(response.getHeaders().getContentDisposition().getFilename()).startsWith("凭证导入模板.");
                    return response.getBody().readAllBytes();
                });
    }

    @Test
    void a_counterparty_column_names_the_other_unit_of_payments_and_receipts() {
        String other = newUnit("J");
        String csv = header("id,type,unit,year,date,fund,subject,kind,line,economic,amount,counterparty")
                + "s1,APPROPRIATE," + unit + ",2023,2023-01-10,OTHER,2140199,SUBSIDY_AFFILIATE,,,1000.00,\n"
                + "p1,PAY," + unit + ",2023,2023-02-10,,,,s1,39999,600.00," + other + "\n"
                + "i1,RECEIVE," + unit + ",2023,2023-02-10,AFFILIATE,2140199,,,,50.00," + other + "\n"
                + "i2,RECEIVE," + unit + ",2023,2023-02-10,OTHER,2140199,,,,50.00," + other + "\n"
                + "s2,APPROPRIATE," + unit + ",2023,2023-01-10,OTHER,2140199,BASIC,,,1.00," + other + "\n";

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=valid"));

        assertThat(job.path("created").asInt()).isEqualTo(3);
        assertThat(job.path("rejected").asInt()).isEqualTo(2);
        JsonNode problems = job.path("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).path("row").asInt() + " " + problems.get(0).path("status").asInt() + " "
                + problems.get(0).path("code").asText() + " " + problems.get(0).path("detail").asText()).isEqualTo("5 400"
                + " VALIDATION_FAILED counterparty: only for income of fund SUPERIOR_SUBSIDY or AFFILIATE (an internal"
                + " flow), not OTHER");
        assertThat(problems.get(1).path("row").asInt() + " " + problems.get(1).path("status").asInt() + " "
                + problems.get(1).path("code").asText() + " " + problems.get(1).path("detail").asText()).isEqualTo("6 400"
                + " VALIDATION_FAILED counterparty: not a field of APPROPRIATE");
        assertThat(api().get("/api/v1/transactions/p1?unit=" + unit).body().at("/request/counterparty").asText())
                .isEqualTo(other);
        assertThat(api().get("/api/v1/transactions/i1?unit=" + unit).body().at("/request/counterparty").asText())
                .isEqualTo(other);
    }

    @Test
    void commitments_with_their_schedule_in_one_cell_payments_under_them_and_releases_are_imported() {
        String csv = header("id,type,unit,year,date,fund,subject,kind,line,economic,amount,contract,payee,schedule,commitment")
                + "a1,APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,1000.00,,,,\n"
                + "k1,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,HT-01,某公司,2023-12-01:200.00;2023-07-01:100,\n"
                + "p1,PAY," + unit + ",2023,2023-07-01,,,,a1,30201,120.00,,某公司,,k1\n"
                + "r1,RELEASE," + unit + ",2023,2023-08-01,,,,,,50.00,,,,k1\n"
                + "k2,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,,,2023-07-01:100.00;2023-12-01:100.00,\n"
                + "k3,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,,,2023-07-01 100.00,\n"
                + "k4,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,,,2023-07-01:100.00;2024-01-01:200.00,\n";

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=valid"));

        assertThat(job.path("created").asInt()).isEqualTo(4);
        assertThat(job.path("problems").findValuesAsText("detail")).containsExactly(
                "schedule: the scheduled payments add up to 200.00 元; they must add up to the amount, 300.00 元",
                "schedule: must be date:amount of each scheduled payment, separated by ';' (2023-07-01:100.00;2023-12-01:200.00)",
                "schedule[1].date: must fall inside the budget year 2023");
        assertThat(job.path("problems").findValuesAsText("code")).containsOnly("VALIDATION_FAILED");
        JsonNode commitment = api().get("/api/v1/commitments/k1?unit=" + unit).body();
        assertThat(List.of(commitment.path("paid").asText(), commitment.path("released").asText(),
                commitment.path("open").asText(), commitment.path("contract").asText()))
                .containsExactly("120.00", "50.00", "130.00", "HT-01");
        assertThat(commitment.path("schedule").findValuesAsText("amount")).containsExactly("130.00");
        assertThat(api().get("/api/v1/budget-lines/a1?unit=" + unit).body().path("committed").asText()).isEqualTo("130.00");
    }

    @Test
    void bad_commitment_rows_answer_the_codes_of_a_single_post_and_only_the_good_rows_are_stored() {
        String other = newUnit("J");
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("b1", other, 2023, "GENERAL_BUDGET", "10.00")).status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/transactions", Tx.of("COMMIT", "k9", other, 2023, "2023-03-01", "line", "b1",
                "amount", "5.00")).status()).isEqualTo(201);
        String csv = header("id,type,unit,year,date,fund,subject,kind,line,economic,amount,contract,payee,schedule,commitment")
                + "a1,APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,1000.00,,,,\n"
                + "a2,APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,10.00,,,,\n"
                + "k1,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,,,2023-04-01:100.00;2023-09-01:200.00,\n"
                + "x1,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,0,,,,\n"
                + "x2,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,-1.00,,,,\n"
                + "x3,COMMIT," + unit + ",2023,2024-01-02,,,,a1,,1.00,,,,\n"
                + "x4,COMMIT," + unit + ",2023,2023-02-01,,,,a1,,300.00,,,2023-04-01:300.00;2023-09-01:0,\n"
                + "x5,COMMIT," + unit + ",2023,2023-02-01,,,,b1,,1.00,,,,\n"
                + "x6,PAY," + unit + ",2023,2023-05-01,,,,a2,30201,1.00,,,,k1\n"
                + "x7,PAY," + unit + ",2023,2023-05-01,,,,a1,30201,300.01,,,,k1\n"
                + "x8,PAY," + unit + ",2023,2023-05-01,,,,a1,30201,1.00,,,,k9\n"
                + "x9,RELEASE," + unit + ",2023,2023-05-01,,,,,,300.01,,,,k1\n"
                + "x10,RELEASE," + unit + ",2023,2023-05-01,,,,,,,,,,k9\n"
                + "x11,RELEASE," + unit + ",2023,2023-05-01,,,,,,-1.00,,,,k1\n"
                + "p1,PAY," + unit + ",2023,2023-05-01,,,,a1,30201,100.00,,,,k1\n";

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=valid"));

        assertThat(job.path("created").asInt()).isEqualTo(4);
        List<String> problems = new java.util.ArrayList<>();
        job.path("problems").forEach(problem -> problems.add(problem.path("row").asInt() + " " + problem.path("id").asText()
                + " " + problem.path("status").asInt() + " " + problem.path("code").asText()));
        assertThat(problems).containsExactly("5 x1 400 INVALID_AMOUNT", "6 x2 400 INVALID_AMOUNT", "7 x3 400 DATE_OUTSIDE_YEAR",
                "8 x4 400 VALIDATION_FAILED", "9 x5 422 UNKNOWN_LINE", "10 x6 422 COMMITMENT_MISMATCH",
                "11 x7 409 COMMITMENT_EXCEEDED", "12 x8 422 UNKNOWN_COMMITMENT", "13 x9 409 COMMITMENT_EXCEEDED",
                "14 x10 422 UNKNOWN_COMMITMENT", "15 x11 400 INVALID_AMOUNT");
        assertThat(storedTransactions()).isEqualTo(4);
        JsonNode line = api().get("/api/v1/budget-lines/a1?unit=" + unit).body();
        assertThat(List.of(line.path("paid").asText(), line.path("committed").asText(), line.path("available").asText()))
                .containsExactly("100.00", "200.00", "700.00");
        assertThat(api().get("/api/v1/commitments?unit=" + unit).body()).hasSize(1);
    }

    @Test
    void an_xlsx_file_is_imported_with_exact_amounts_and_iso_dates() throws IOException {
        byte[] workbook = workbook(List.of(
                List.of("id", "type", "unit", "year", "date", "fund", "subject", "kind", "amount", "line", "economic"),
                List.of("a1" + unit, "APPROPRIATE", unit, 2023, LocalDate.of(2023, 1, 10), "GENERAL_BUDGET", "2140199",
                        "BASIC", 1234567.89, "", ""),
                List.of("p1" + unit, "PAY", unit, 2023, LocalDate.of(2023, 2, 10), "", "", "", 2500.5, "a1" + unit, 30201),
                List.of("p2" + unit, "PAY", unit, 2023, LocalDate.of(2023, 3, 1), "", "", "", 0.1, "a1" + unit, 30201)));

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.xlsx", workbook, ""));

        assertThat(job.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.path("format").asText()).isEqualTo("xlsx");
        assertThat(job.has("charset")).isFalse();
        assertThat(job.path("created").asInt()).isEqualTo(3);
        JsonNode line = api().get("/api/v1/budget-lines/a1" + unit).body();
        assertThat(line.path("initial").asText()).isEqualTo("1234567.89");
        assertThat(line.path("paid").asText()).isEqualTo("2500.60");
        JsonNode payment = api().get("/api/v1/transactions/p1" + unit).body().path("request");
        assertThat(payment.path("date").asText()).isEqualTo("2023-02-10");
        assertThat(payment.path("economic").asText()).isEqualTo("30201");
    }

    @Test
    void a_rule_rejection_in_mode_all_rolls_back_the_valid_rows_before_it() {
        String csv = header("id,type,unit,year,date,fund,subject,kind,line,economic,amount")
                + "a1" + unit + ",APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,100.00\n"
                + "p1" + unit + ",PAY," + unit + ",2023,2023-02-10,,,,a1" + unit + ",30201,60.00\n"
                + "p2" + unit + ",PAY," + unit + ",2023,2023-02-11,,,,a1" + unit + ",30201,50.00\n";

        JsonNode job = finished(CLERK, upload(CLERK, "vouchers.csv", csv.getBytes(StandardCharsets.UTF_8), ""));

        assertThat(job.path("status").asText()).isEqualTo("REJECTED");
        assertThat(job.path("problems")).hasSize(1);
        assertThat(job.path("problems").get(0).path("row").asInt()).isEqualTo(4);
        assertThat(job.path("problems").get(0).path("id").asText()).isEqualTo("p2" + unit);
        assertThat(job.path("problems").get(0).path("status").asInt()).isEqualTo(409);
        assertThat(job.path("problems").get(0).path("code").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api().get("/api/v1/transactions/a1" + unit).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/transactions/p1" + unit).status()).isEqualTo(404);
        assertThat(storedEvents()).isZero();
        // the rolled-back payment left nothing behind in the cached budget year either
        assertThat(api().post("/api/v1/transactions", Tx.appropriate("a1" + unit, unit, 2023, "GENERAL_BUDGET", "100.00"))
                .status()).isEqualTo(201);
        assertThat(api().post("/api/v1/transactions", Tx.pay("p3" + unit, unit, 2023, "a1" + unit, "30201", "100.00"))
                .status()).isEqualTo(201);
    }

    @Test
    void a_job_is_seen_only_by_who_submitted_it_and_administrators() {
        Upload upload = upload(CLERK, "vouchers.csv", withBom(fileWithTwoBadRows()), "?mode=valid");
        finished(CLERK, upload);

        assertThat(HttpApi.as(port, "clerk-a").get(upload.location().getPath()).status()).isEqualTo(404);
        assertThat(HttpApi.as(port, "clerk-a").get("/api/v1/imports/no-such-job").status()).isEqualTo(404);
        assertThat(api().get(upload.location().getPath()).status()).isEqualTo(200);
    }

    @Test
    void a_clerks_rows_for_a_unit_not_theirs_are_forbidden_row_by_row() {
        String csv = header("id,type,unit,year,date,fund,subject,kind,amount")
                + "a1" + unit + ",APPROPRIATE," + TestUsers.UNIT_A2 + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,1.00\n"
                + "a2" + unit + ",APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,1.00\n";
        api().post("/api/v1/units", Map.of("code", TestUsers.UNIT_A2, "name", "单位A2"));
        Upload upload = upload("clerk-a", "vouchers.csv", csv.getBytes(StandardCharsets.UTF_8), "?mode=valid");

        JsonNode job = finished("clerk-a", upload);

        assertThat(job.path("created").asInt()).isEqualTo(1);
        assertThat(job.path("problems")).hasSize(1);
        assertThat(job.path("problems").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(job.path("problems").get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api().get("/api/v1/transactions/a1" + unit).body().path("principal").asText()).isEqualTo("clerk-a");
    }

    @Test
    void the_import_is_described_in_openapi() {
        JsonNode paths = api().get("/v3/api-docs").body().path("paths");

        assertThat(paths.path("/api/v1/transactions:import").path("post").path("requestBody").path("content")
                .has("multipart/form-data")).isTrue();
        assertThat(paths.has("/api/v1/imports/{id}")).isTrue();
    }

    @Test
    void a_file_that_cannot_be_imported_is_refused_at_once_and_nothing_is_stored() {
        String unknownColumn = header("id,type,unit,year,date,fund,subject,kind,colour,amount")
                + "a1" + unit + ",APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,red,100.00\n";

        Upload refused = upload(CLERK, "vouchers.csv", unknownColumn.getBytes(StandardCharsets.UTF_8), "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("colour");
        assertThat(refused.location()).isNull();
        assertThat(api().get("/api/v1/transactions/a1" + unit).status()).isEqualTo(404);
        String valid = unknownColumn.replace("colour", "memo");
        assertThat(upload(CLERK, "vouchers.csv", valid.getBytes(StandardCharsets.UTF_8), "?charset=latin1").body()
                .path("errors").get(0).path("field").asText()).isEqualTo("charset");
        assertThat(upload(CLERK, "vouchers.csv", valid.getBytes(StandardCharsets.UTF_8), "?mode=some").body()
                .path("errors").get(0).path("field").asText()).isEqualTo("mode");
        assertThat(upload(CLERK, "empty.csv", new byte[0], "").body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(upload(CLERK, "broken.xlsx", new byte[]{'P', 'K', 3, 4, 0, 0}, "").status()).isEqualTo(400);
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("other", "x");
        assertThat(send(CLERK, "", noFile).body().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(storedTransactions()).isZero();
    }

    /** Rows 2 and 5 are good; row 3 has a year that is no integer, row 4 an amount in exponent notation. */
    private String fileWithTwoBadRows() {
        return header("id,type,unit,year,date,fund,subject,kind,line,economic,amount")
                + "a1" + unit + ",APPROPRIATE," + unit + ",2023,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,1000.00\n"
                + "y1" + unit + ",APPROPRIATE," + unit + ",2023.5,2023-01-10,GENERAL_BUDGET,2140199,BASIC,,,1.00\n"
                + "x1" + unit + ",PAY," + unit + ",2023,2023-02-10,,,,a1" + unit + ",30201,1e3\n"
                + "p1" + unit + ",PAY," + unit + ",2023,2023-02-10,,,,a1" + unit + ",30201,250.50\n";
    }

    private void assertBadRowsReported(JsonNode job) {
        JsonNode problems = job.path("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).path("id").asText()).isEqualTo("y1" + unit);
        assertThat(problems.get(0).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problems.get(0).path("errors").get(0).path("field").asText()).isEqualTo("year");
        assertThat(problems.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(problems.get(1).path("id").asText()).isEqualTo("x1" + unit);
        assertThat(problems.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(problems.get(1).path("code").asText()).isEqualTo("INVALID_AMOUNT");
    }

    private static String header(String columns) {
        return columns + "\n";
    }

    private static byte[] withBom(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, bytes, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, bytes, UTF8_BOM.length, text.length);
        return bytes;
    }

    /** A workbook as Excel writes one: numbers as numeric cells, dates as date-formatted numbers. */
    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("凭证");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof String text && !text.isEmpty()) {
                        row.createCell(c).setCellValue(text);
                    } else if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                        if (number instanceof Double) {
                            row.getCell(c).setCellStyle(moneyStyle);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private Upload upload(String user, String fileName, byte[] content, String query) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", content).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return send(user, query, parts);
    }

    private Upload send(String user, String query, MultipartBodyBuilder parts) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, user, StandardCharsets.UTF_8)).build()
                .post().uri("/api/v1/transactions:import" + query)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> new Upload(response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        JSON.readTree(response.getBody()), response.getHeaders().getLocation()));
    }

    /** The job once it is no longer RUNNING. */
    private JsonNode finished(String user, Upload upload) {
        assertThat(upload.status()).as("%s", upload.body()).isEqualTo(202);
        HttpApi api = HttpApi.as(port, user);
        return await().atMost(Duration.ofSeconds(60)).until(() -> api.get(upload.location().getPath()).body(),
                job -> !"RUNNING".equals(job.path("status").asText()));
    }

    private long storedTransactions() {
        return jdbc.sql("SELECT count(*) FROM ledger.posted_transaction WHERE unit = ?").param(unit)
                .query(Long.class).single();
    }

    private long storedEvents() {
        return jdbc.sql("""
                        SELECT count(*) FROM ledger.domain_event_entry e
                        JOIN ledger.posted_transaction t ON t.id = e.transaction_id WHERE t.unit = ?""")
                .param(unit).query(Long.class).single();
    }
}
