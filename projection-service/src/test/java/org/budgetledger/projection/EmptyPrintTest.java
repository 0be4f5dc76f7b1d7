package org.budgetledger.projection;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The XLSX downloads (one table and the workbook) of a unit-year with nothing recorded by knownAt — a year without
 * data, or a knownAt before the first record — print the notice the screen shows instead of tables of zeros.
 */
class EmptyPrintTest extends ProjectionIntegrationTest {

    private static final String NOTHING = "年度尚无任何记录，故无报表数据。";

    @LocalServerPort
    int port;

    @Test
    void a_year_without_data_and_a_knownAt_before_any_print_the_notice_and_no_zeros(Infrastructure infrastructure)
            throws Exception {
        String unit = "E" + UUID.randomUUID().toString().substring(0, 8);
        long sequence = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        String line = "a" + unit;
        WireFormat.publish(infrastructure, unit + ":2023", List.of(WireFormat.value(
                new EventEnvelope(UUID.randomUUID().toString(), sequence, "BudgetAppropriated", Instant.parse("2023-02-01T02:00:00Z")),
                new BudgetAppropriated(line, unit, 2023, LocalDate.of(2023, 2, 1), "clerk", null, null, line,
                        Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan("500.00")))));
        HttpApi api = new HttpApi(port);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/reports/" + unit + "/2023/T01?minSequence=" + sequence).status() == 200);

        try (XSSFWorkbook before = download("/api/v1/reports/" + unit + "/2023/workbook?scope=unit&knownAt=2023-01-31T00:00:00Z")) {
            for (int index = 0; index < before.getNumberOfSheets(); index++) {
                XSSFSheet sheet = before.getSheetAt(index);
                assertThat(texts(sheet)).as(sheet.getSheetName())
                        .contains("截至 2023-12-31，已知至 2023-01-31 00:00:00 UTC，本单位2023" + NOTHING);
                assertThat(numbers(sheet)).as(sheet.getSheetName()).isEmpty();
            }
        }
        try (XSSFWorkbook noYear = download("/api/v1/reports/" + unit + "/2022/T01?format=xlsx&scope=unit")) {
            assertThat(String.join("\n", texts(noYear.getSheetAt(0)))).contains("本单位2022" + NOTHING);
            assertThat(numbers(noYear.getSheetAt(0))).isEmpty();
        }
        // recorded, though effective after asOf: the screen shows its zeros, and so does the print
        try (XSSFWorkbook early = download("/api/v1/reports/" + unit + "/2023/T01?format=xlsx&scope=unit&asOf=2023-01-15")) {
            assertThat(String.join("\n", texts(early.getSheetAt(0)))).doesNotContain(NOTHING);
            assertThat(numbers(early.getSheetAt(0))).isNotEmpty().containsOnly(0.0);
        }
        try (XSSFWorkbook known = download("/api/v1/reports/" + unit + "/2023/workbook?scope=unit&scale=yuan")) {
            assertThat(String.join("\n", texts(known.getSheet("公开01表")))).doesNotContain(NOTHING);
            assertThat(numbers(known.getSheet("公开01表"))).contains(500.0);
        }
    }

    private XSSFWorkbook download(String path) throws IOException {
        byte[] xlsx = RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> headers.setBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN)).retrieve().body(byte[].class);
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static List<String> texts(XSSFSheet sheet) {
        List<String> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    found.add(cell.getStringCellValue());
                }
            }
        }
        return found;
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
