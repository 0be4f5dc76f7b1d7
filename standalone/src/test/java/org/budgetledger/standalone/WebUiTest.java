package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web UI in headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run}
 * installs): log in, read a T01 cell and compare it with the API, move the asOf date, reload the shared URL,
 * download an XLSX and open it, upload a CSV with a bad row, watch a replay reach 100%; a department in the unit
 * picker, the 本级/汇总 switch as the scope of every report request, the 内部往来核对 on the checks page.
 * Screenshots of every page land in {@code target/screenshots} for reviewers.
 */
class WebUiTest extends StandaloneIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String TRANSPORT = "十三、交通运输支出";
    /** That row's amount on the form, as the page names its cell. */
    private static final String TRANSPORT_CELL = "figure.official-form td[data-row='expenditure:44'][data-column='amount']";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Path downloads;
    private static WebDriver browser;

    @BeforeAll
    static void browser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        downloads = Files.createTempDirectory("budget-ledger-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags that keep Chromium off the (closed) network and out of the way of a root user
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("budget-ledger-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN"));
        // the console, to see whether the Content-Security-Policy refused anything the page needs
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Each test logs in itself: the next one starts at the login form. */
    @AfterEach
    void forgetTheLogin() {
        if (browser != null && browser.getCurrentUrl().startsWith(base())) {
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_officer_reads_moves_through_time_downloads_imports_and_an_auditor_replays() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "W" + UUID.randomUUID().toString().substring(0, 8);
        postHistory(api, unit);
        String reports = "/api/v1/reports/" + unit + "/2023/T01?scale=yuan";
        await().atMost(PATIENCE).until(() -> transport(api.get(reports).body()).equals("12500.50"));

        browser.get(base() + "/");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.id("login-password")).sendKeys(TestUsers.ADMIN);
        screenshot("01-login");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        // the unit and year pickers, then the amounts in 元, once the page has picked its first unit and year
        // (the URL names them): set after the year was typed, they would overwrite it
        wait(driver -> driver.getCurrentUrl().contains("unit="));
        new Select(wait(ExpectedConditions.visibilityOfElementLocated(By.id("unit")))).selectByValue(unit);
        // the page sets the year field once it has the unit's years: typed before, the two would run together
        wait(driver -> driver.getCurrentUrl().contains("unit=" + unit));
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2023", Keys.TAB);
        new Select(browser.findElement(By.id("scale"))).selectByValue("yuan");
        wait(driver -> driver.getCurrentUrl().contains("unit=" + unit) && driver.getCurrentUrl().contains("year=2023")
                && driver.getCurrentUrl().contains("scale=yuan"));

        // a T01 cell equals the API's, printed with thousands separators
        assertThat(transport(api.get(reports).body())).isEqualTo("12500.50");
        assertThat(transportCell()).isEqualTo("12,500.50");
        screenshot("02-t01");

        // the slider's Home key moves asOf to 1 January: the payments are not there yet
        WebElement slider = browser.findElement(By.id("asOf-slider"));
        slider.sendKeys(Keys.HOME);
        wait(driver -> transportCell().equals("0.00"));
        assertThat(transport(api.get(reports + "&asOf=2023-01-01").body())).isEqualTo("0.00");
        assertThat(browser.findElement(By.id("asOf")).getDomProperty("value")).isEqualTo("2023-01-01");
        // the URL holds the state: reloading it shows the same view
        assertThat(browser.getCurrentUrl()).contains("asOf=2023-01-01");
        browser.navigate().refresh();
        wait(driver -> transportCell().equals("0.00"));
        browser.findElement(By.id("asOf-slider")).sendKeys(Keys.END);
        wait(driver -> transportCell().equals("12,500.50"));

        // the table as XLSX, in the official layout, the same amount
        browser.findElement(By.id("download-xlsx")).click();
        Path xlsx = awaitDownload(".xlsx");
        assertThat(xlsxAmountBeside(xlsx, TRANSPORT)).isEqualByComparingTo("12500.50");

        page("charts", "03-charts", By.cssSelector("#chart-progress canvas"));
        // a tooltip, whose HTML ECharts writes with style attributes
        new Actions(browser).moveToElement(browser.findElement(By.id("chart-progress"))).perform();
        wait(driver -> !driver.findElement(By.id("chart-progress")).getText().isBlank());
        screenshot("03-charts-tooltip");
        page("checks", "04-checks", By.cssSelector("#checks-rows tr"));
        assertThat(browser.findElement(By.id("checks-summary")).getText()).contains("通过");

        // a CSV with one bad row: the row report names it, nothing is imported
        page("import", "05-import", By.id("import-form"));
        Path csv = Files.createTempFile("vouchers", ".csv");
        Files.writeString(csv, "\uFEFFid,type,unit,year,date,line,economic,amount\n"
                + "good-" + unit + ",PAY,"  + unit + ",2023,2023-10-08,a-" + unit + ",30201,100.00\n"
                + "bad-" + unit + ",PAY," + unit + ",2023,2023-10-09,a-" + unit + ",30201,12.345\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("import-problems")));
        List<WebElement> problem = browser.findElements(By.cssSelector("#import-problem-rows tr td"));
        assertThat(problem.get(0).getText()).isEqualTo("3");
        assertThat(problem.get(1).getText()).isEqualTo("bad-" + unit);
        // the reason in Chinese (the code stays the API's)
        assertThat(problem.get(3).getText()).contains("金额");
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("未导入");
        assertThat(api.get("/api/v1/transactions/good-" + unit).status()).isEqualTo(404);
        screenshot("06-import-report");

        // an auditor's replay, its progress bar up to 100%
        page("audit", "07-audit", By.cssSelector("#history-rows tr"));
        browser.findElement(By.id("replay")).click();
        wait(driver -> "100".equals(driver.findElement(By.id("replay-progress")).getDomProperty("value")));
        wait(driver -> driver.findElement(By.id("replay-result")).getText().contains("完全一致"));
        assertThat(browser.findElement(By.id("replay-percent")).getText()).isEqualTo("100%");
        browser.findElement(By.id("verify")).click();
        wait(driver -> driver.findElement(By.id("verify-result")).getText().startsWith("完整"));
        screenshot("08-audit-replayed");

        // a tablet held upright: the same page, reflowed
        browser.manage().window().setSize(new Dimension(820, 1180));
        page("tables", "09-tablet-t01", By.cssSelector("figure.official-form"));

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void the_picker_shows_the_department_and_the_scope_switch_is_the_scope_of_every_report_request() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // codes that sort apart: only the tree puts the units right under their department
        String head = "Z" + suffix;
        String first = "A" + suffix;
        String second = "B" + suffix;
        register(api, head, "界面测试厅", null);
        register(api, second, "界面测试二所", head);
        register(api, first, "界面测试一所", head);
        postHistory(api, head, "2500.50");
        postHistory(api, first, "10000.00");
        String reports = "/api/v1/reports/" + head + "/2023/T01?scale=yuan";
        await().atMost(PATIENCE).until(() -> transport(api.get(reports + "&scope=unit").body()).equals("2500.50"));
        await().atMost(PATIENCE).until(() -> transport(api.get("/api/v1/reports/" + first + "/2023/T01?scale=yuan").body())
                .equals("10000.00"));

        open("?unit=" + head + "&year=2023&scale=yuan");
        transportCell();
        List<WebElement> options = new Select(browser.findElement(By.id("unit"))).getOptions();
        List<String> codes = options.stream().map(option -> option.getDomProperty("value")).toList();
        int at = codes.indexOf(head);
        assertThat(codes.subList(at, at + 3)).containsExactly(head, first, second);
        assertThat(options.get(at).getDomAttribute("data-depth")).isEqualTo("0");
        assertThat(options.get(at).getDomAttribute("data-department")).isEqualTo("true");
        assertThat(options.subList(at + 1, at + 3)).allSatisfy(option -> {
            assertThat(option.getDomAttribute("data-depth")).isEqualTo("1");
            // textContent: Selenium's getText trims the indent
            assertThat(option.getDomProperty("textContent")).startsWith("\u3000└ ");
        });
        screenshot("10-department-picker");

        // the name, not the code, on the page's title and on the form's 部门 line; 汇总 unless asked otherwise
        assertThat(browser.findElement(By.cssSelector("#scope input[value=department]")).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("scope=department");
        assertThat(browser.findElement(By.id("tables-title")).getText()).contains("界面测试厅").contains("汇总");
        assertThat(browser.getTitle()).contains("界面测试厅");
        assertThat(browser.findElement(By.cssSelector("figure.official-form .form-meta span")).getText())
                .startsWith("部门：界面测试厅");
        String table = "/api/v1/reports/" + head + "/2023/T01";
        wait(driver -> requestedScopes(table).contains("department"));

        // 本级: the table asked for again, at scope=unit, and the URL keeps it
        forgetRequests();
        browser.findElement(By.cssSelector("#scope input[value=unit]")).click();
        wait(driver -> requestedScopes(table).equals(List.of("unit")) && driver.getCurrentUrl().contains("scope=unit")
                && driver.findElement(By.id("tables-title")).getText().contains("本级"));
        // the department's own payment alone, where 汇总 adds its unit's
        wait(driver -> transportCell().equals("2,500.50"));
        screenshot("11-scope-unit");
        browser.navigate().refresh();
        wait(driver -> driver.findElement(By.cssSelector("#scope input[value=unit]")).isSelected()
                && requestedScopes(table).equals(List.of("unit")));

        // the checks, the execution and the charts' tables, the downloads: each at the scope chosen
        forgetRequests();
        page("checks", "12-checks-unit", By.cssSelector("#checks-rows tr"));
        String checks = "/api/v1/reports/" + head + "/2023/checks";
        wait(driver -> requestedScopes(checks).equals(List.of("unit"))
                && driver.findElement(By.id("checks-title")).getText().contains("界面测试厅（本级）"));
        forgetRequests();
        browser.findElement(By.cssSelector("#scope input[value=department]")).click();
        wait(driver -> requestedScopes(checks).equals(List.of("department")) && driver.getCurrentUrl().contains("scope=department"));
        forgetRequests();
        page("charts", "13-charts-department", By.cssSelector("#chart-progress canvas"));
        wait(driver -> !requestedScopes("/api/v1/reports/" + head + "/2023/T03").isEmpty());
        assertThat(requestedScopes("/api/v1/reports/" + head + "/2023/execution")).isNotEmpty().containsOnly("department");
        assertThat(requestedScopes("/api/v1/reports/" + head + "/2023/T03")).containsOnly("department");
        // a row per (unit, project), each unit named
        wait(driver -> new Select(driver.findElement(By.id("project"))).getOptions().stream().map(WebElement::getText)
                .toList().containsAll(List.of("界面测试厅：业务工作经费", "界面测试一所：业务工作经费")));
        forgetRequests();
        page("tables", "14-tables-department", By.cssSelector("figure.official-form"));
        wait(driver -> transportCell().equals("12,500.50"));
        browser.findElement(By.id("download-workbook")).click();
        wait(driver -> requestedScopes("/api/v1/reports/" + head + "/2023/workbook").equals(List.of("department")));
        // the downloads folder is shared with the other tests, which look for the first .xlsx in it
        Files.delete(awaitDownload(".xlsx"));
    }

    @Test
    void without_a_unit_in_the_url_the_page_opens_at_the_first_unit_that_has_reports() {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        // '-' sorts before every other character of a code: these two come first in the picker
        String empty = "-" + UUID.randomUUID().toString().substring(0, 8);
        String reported = empty + "x";
        register(api, empty, "界面测试空单位", null);
        register(api, reported, "界面测试有数单位", null);
        postHistory(api, reported, "100.00");
        await().atMost(PATIENCE).until(() -> transport(api.get("/api/v1/reports/" + reported + "/2023/T01?scale=yuan").body())
                .equals("100.00"));

        open("");
        wait(driver -> driver.getCurrentUrl().contains("unit=" + reported) && driver.getCurrentUrl().contains("year=2023"));
        assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getDomProperty("value"))
                .isEqualTo(reported);
    }

    @Test
    void the_titles_name_the_unit_as_of_the_date_shown() {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "R" + UUID.randomUUID().toString().substring(0, 8);
        register(api, unit, "界面旧名单位", null);
        postHistory(api, unit, "100.00");
        assertThat(api.send("PATCH", "/api/v1/units/" + unit, "{\"name\":\"界面新名单位\",\"effective\":\"2023-07-01\"}")
                .status()).isBetween(200, 299);
        String march = "/api/v1/reports/" + unit + "/2023/T01?scale=yuan&asOf=2023-03-31";
        await().atMost(PATIENCE).until(() -> transport(api.get(march).body()).equals("100.00"));
        await().atMost(PATIENCE).until(() -> api.get(march).body().path("unitName").asText().equals("界面旧名单位"));

        open("?unit=" + unit + "&year=2023&asOf=2023-03-31&scale=yuan");
        wait(driver -> driver.findElement(By.id("tables-title")).getText().contains("界面旧名单位")
                && driver.findElement(By.cssSelector("figure.official-form .form-meta span")).getText().equals("部门：界面旧名单位"));
        browser.findElement(By.id("asOf-slider")).sendKeys(Keys.END);
        wait(driver -> driver.findElement(By.id("tables-title")).getText().contains("界面新名单位")
                && driver.getTitle().contains("界面新名单位"));
    }

    @Test
    void a_mid_year_form_is_stamped_totals_are_bold_and_an_empty_year_shows_a_notice_instead_of_zeros() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "S" + UUID.randomUUID().toString().substring(0, 8);
        postHistory(api, unit);
        String reports = "/api/v1/reports/" + unit + "/2023/T01?scale=yuan";
        await().atMost(PATIENCE).until(() -> transport(api.get(reports).body()).equals("12500.50"));

        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("?unit=" + unit + "&year=2023&scale=yuan&scope=unit&asOf=2023-06-30");
        WebElement stamp = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.official-form .form-stamp")));
        assertThat(stamp.getText()).isEqualTo("截至 2023-06-30（非年末数）");
        WebElement total = browser.findElement(By.cssSelector("figure.official-form[data-table=T01] tr.total td"));
        assertThat(Integer.parseInt(total.getCssValue("font-weight"))).isGreaterThanOrEqualTo(700);
        screenshot("19-mid-year-stamp");

        // the empty T07 says so as the published form does
        browser.findElement(By.cssSelector("button[data-table=T07]")).click();
        wait(driver -> driver.findElement(By.cssSelector("figure.official-form[data-table=T07] .form-empty")).getText()
                .contains("故本表无数据"));

        // a year with nothing recorded: a notice, no table of zeros
        browser.get(base() + "/?unit=" + unit + "&year=2021&scale=yuan&scope=unit");
        WebElement notice = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.official-form .form-empty")));
        assertThat(notice.getText()).contains("本单位2021年度尚无任何记录");
        assertThat(browser.findElements(By.cssSelector("figure.official-form table"))).isEmpty();
        screenshot("20-empty-year");
    }

    @Test
    void the_checks_page_names_the_internal_pair_that_does_not_agree() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String head = "Y" + suffix;
        String unit = "C" + suffix;
        register(api, head, "界面核对厅", null);
        register(api, unit, "界面核对所", head);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "s-" + head, "type", "APPROPRIATE", "unit", head,
                "year", 2023, "date", "2023-01-10", "fund", "OTHER", "subject", "2140199", "kind", "SUBSIDY_AFFILIATE",
                "amount", "1000.00")).status()).isEqualTo(201);
        int subsidy = api.post("/api/v1/transactions", Map.of("id", "sp-" + head, "type", "PAY", "unit", head,
                "year", 2023, "date", "2023-03-15", "line", "s-" + head, "economic", "39999", "amount", "300.00",
                "counterparty", unit)).status();
        assertThat(subsidy).as("a subsidy with its counterparty").isEqualTo(201);
        // the receiver booked less than it was paid: the pair does not agree
        assertThat(api.post("/api/v1/transactions", Map.of("id", "sr-" + unit, "type", "RECEIVE", "unit", unit,
                "year", 2023, "date", "2023-03-20", "fund", "SUPERIOR_SUBSIDY", "subject", "2140199", "amount", "200.00",
                "counterparty", head)).status()).isEqualTo(201);
        String checks = "/api/v1/reports/" + head + "/2023/checks?scope=department";
        await().atMost(PATIENCE).until(() -> internalFlow(api.get(checks).body(), head, unit).isPresent());

        open("?unit=" + head + "&year=2023&view=checks");
        WebElement pair = wait(driver -> driver.findElement(By.cssSelector(
                "#flows-rows tr[data-payer='" + head + "'][data-receiver='" + unit + "']")));
        assertThat(pair.getDomAttribute("class")).contains("bad");
        List<String> cells = pair.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).isEqualTo("界面核对厅（" + head + "） →");
        assertThat(cells.get(1)).isEqualTo("界面核对所（" + unit + "）");
        assertThat(cells.subList(3, 6)).containsExactly("300.00", "200.00", "不符");
        assertThat(browser.findElement(By.id("flows-summary")).getText())
                .contains("界面核对厅（" + head + "） → 界面核对所（" + unit + "）");
        assertThat(browser.findElement(By.id("checks-summary")).getText()).contains("未通过");
        screenshot("15-internal-flows");
    }

    @Test
    void an_auditor_clicks_a_cell_and_its_transactions_sum_to_it_each_with_a_link_to_its_history() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "D" + UUID.randomUUID().toString().substring(0, 8);
        postHistory(api, unit);
        String reports = "/api/v1/reports/" + unit + "/2023/T01?scale=yuan";
        await().atMost(PATIENCE).until(() -> transport(api.get(reports).body()).equals("12500.50"));

        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("?unit=" + unit + "&year=2023&scale=yuan&scope=unit");
        assertThat(transportCell()).isEqualTo("12,500.50");
        WebElement cell = browser.findElement(By.cssSelector(TRANSPORT_CELL));
        assertThat(cell.getDomAttribute("class")).contains("drillable");
        cell.click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("drill")));
        List<WebElement> lines = wait(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#drill-rows tr"));
            return found.size() == 2 ? found : null;
        });
        BigDecimal summed = BigDecimal.ZERO;
        for (WebElement line : lines) {
            summed = summed.add(new BigDecimal(line.findElements(By.tagName("td")).get(9).getText()));
        }
        assertThat(summed).as("the transactions sum to the cell").isEqualByComparingTo(transportCell().replace(",", ""));
        assertThat(lines.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .contains("2023-03-15", "p1-" + unit, "支付", "2140199 其他公路水路运输支出", "30201 办公费", "2500.50");
        assertThat(browser.findElement(By.id("drill-summary")).getText()).contains("本格金额 12500.50 元");
        assertThat(browser.findElement(By.id("drill-title")).getText()).contains("十三、交通运输支出");
        screenshot("16-drill-down");

        // the first transaction's history: the audit page, filtered to it
        lines.get(0).findElement(By.linkText("历史")).click();
        wait(driver -> driver.getCurrentUrl().contains("view=audit") && driver.getCurrentUrl().contains("transaction=p1-" + unit));
        List<WebElement> history = wait(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#history-rows tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(history).allSatisfy(event -> assertThat(event.findElements(By.tagName("td")).get(2).getText())
                .isEqualTo("p1-" + unit));
        assertThat(browser.findElement(By.id("history-transaction")).getDomProperty("value")).isEqualTo("p1-" + unit);
        screenshot("17-transaction-history");
    }

    @Test
    void the_comparison_with_the_published_version_marks_the_cells_that_changed_and_lists_what_was_posted_since()
            throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "P" + UUID.randomUUID().toString().substring(0, 8);
        postHistory(api, unit);
        String reports = "/api/v1/reports/" + unit + "/2023/T01?scale=yuan";
        await().atMost(PATIENCE).until(() -> transport(api.get(reports).body()).equals("12500.50"));
        // published now (the next whole second, as the page's picker takes seconds: after the postings so far); then a
        // payment backdated into May
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(published.plusSeconds(1)));
        assertThat(api.post("/api/v1/transactions", Map.of("id", "late-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-05-05", "line", "a-" + unit, "economic", "30201", "amount", "300.00",
                "memo", "补记五月支出")).status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> transport(api.get(reports).body()).equals("12800.50"));

        browser.manage().window().setSize(new Dimension(1280, 1000));
        open("?unit=" + unit + "&year=2023&scale=yuan&scope=unit");
        transportCell();
        // the picker holds a date and time of the browser's zone
        String local = (String) ((JavascriptExecutor) browser).executeScript("const at = new Date(arguments[0]);"
                + " const two = (n) => String(n).padStart(2, '0');"
                + " return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:"
                + "${two(at.getMinutes())}:${two(at.getSeconds())}`;", published.toEpochMilli());
        browser.get(base() + "/?unit=" + unit + "&year=2023&scale=yuan&scope=unit&compare=" + local);
        WebElement changes = wait(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        wait(driver -> driver.findElement(By.id("changes-summary")).getText().contains("有变动"));
        WebElement transport = wait(driver -> driver.findElements(By.cssSelector("#changes-rows tr.changed-cell")).stream()
                .filter(row -> "expenditure:44".equals(row.getDomAttribute("data-row"))).findFirst().orElse(null));
        assertThat(transport.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .containsExactly(TRANSPORT, "金额", "12500.50", "12800.50", "300.00", "1");
        assertThat(changes.getText()).contains("late-" + unit, "补记五月支出");
        assertThat(browser.findElement(By.cssSelector(TRANSPORT_CELL)).getDomAttribute("class")).contains("changed");
        assertThat(browser.findElements(By.cssSelector("#changes-rows tr.changed-cell")).stream()
                .map(row -> row.getDomAttribute("data-row")).toList())
                .as("what the payment changed on T01, and nothing else")
                .containsExactlyInAnyOrder("expenditure:44", "expenditure:58", "expenditure:60");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", changes);
        screenshot("18-compare-published");
    }

    @Test
    void the_execution_page_shows_elapsed_time_beside_execution_and_the_alerts_in_chinese() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "E" + UUID.randomUUID().toString().substring(0, 8);
        register(api, unit, "界面预警单位", null);
        postHistory(api, unit, "2500.50");
        assertThat(api.post("/api/v1/transactions", Map.of("id", "l-" + unit, "type", "SET_LIMIT", "unit", unit,
                "year", 2023, "date", "2023-01-05", "category", "RECEPTION", "amount", "1000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "r-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-05-20", "line", "a-" + unit, "economic", "30217",
                "amount", "850.00")).status()).isEqualTo(201);
        String alerts = "/api/v1/reports/" + unit + "/2023/alerts?asOf=2023-12-31";
        await().atMost(PATIENCE).until(() -> api.get(alerts).body().toString().contains("THREE_PUBLIC_NEAR_LIMIT"));

        open("?unit=" + unit + "&year=2023&view=charts&scale=yuan");
        WebElement nearLimit = wait(driver -> driver.findElement(By.cssSelector("#alerts-list li[data-code=THREE_PUBLIC_NEAR_LIMIT]")));
        assertThat(nearLimit.getText()).contains("“三公”经费接近预算", "公务接待费已支出 850.00 元", "85.00%");
        WebElement behind = browser.findElement(By.cssSelector("#alerts-list li[data-code=BEHIND_SCHEDULE][data-subject=project]"));
        assertThat(behind.getDomAttribute("data-id")).isEqualTo("业务工作经费");
        assertThat(behind.getText()).contains("执行进度滞后", "序时进度 100.00%");
        assertThat(browser.findElements(By.cssSelector("#alerts-list li[data-code=YEAR_END_FORECAST]"))).isNotEmpty();
        assertThat(browser.findElement(By.id("alerts-summary")).getText()).startsWith("共").contains("条预警");
        assertThat(browser.findElement(By.id("commitments-summary")).getText()).isEqualTo("暂无冻结");
        // 序时进度 on the percent axis, rising to 100 % at the end of December; the commitments' band and curve beside it
        wait(driver -> chartSeries("序时进度") != null);
        assertThat(chartSeries("序时进度")).hasSize(12).last().isEqualTo(100.0);
        assertThat(chartSeries("冻结未支付")).isNotNull();
        assertThat(chartSeries("计划支付（已付＋到期）")).hasSize(12).last().isEqualTo(3350.5);
        screenshot("19-alerts");
    }

    @Test
    void commitments_per_project_and_line_the_committed_band_and_the_scheduled_curve_once_the_ledger_takes_commitments()
            throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "F" + UUID.randomUUID().toString().substring(0, 8);
        register(api, unit, "界面冻结单位", null);
        postHistory(api, unit, "2500.50");
        HttpApi.Answer committed = api.post("/api/v1/transactions", Map.of("id", "c-" + unit, "type", "COMMIT", "unit", unit,
                "year", 2023, "date", "2023-04-01", "line", "a-" + unit, "amount", "300000.00", "contract", "HT-2023-1",
                "payee", "某软件公司", "schedule", List.of(Map.of("date", "2023-06-30", "amount", "100000.00"),
                        Map.of("date", "2023-12-20", "amount", "200000.00"))));
        assertThat(committed.status()).as(committed.body().toString()).isEqualTo(201);
        HttpApi.Answer paid = api.post("/api/v1/transactions", Map.of("id", "pc-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-07-10", "line", "a-" + unit, "economic", "30201", "amount", "50000.00",
                "commitment", "c-" + unit));
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        String commitments = "/api/v1/reports/" + unit + "/2023/commitments?asOf=2023-12-31";
        await().atMost(PATIENCE).until(() -> api.get(commitments).body().path(0).path("paid").asText().equals("50000.00"));

        open("?unit=" + unit + "&year=2023&view=charts&scale=yuan");
        WebElement row = wait(driver -> driver.findElement(By.cssSelector("#commitments-rows tr[data-commitment='c-" + unit + "']")));
        assertThat(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).containsExactly(
                "业务工作经费", "a-" + unit, "c-" + unit, "HT-2023-1", "某软件公司", "300000.00", "50000.00", "0.00",
                "250000.00", "250000.00", "2023-06-30 50000.00；2023-12-20 200000.00");
        assertThat(browser.findElement(By.id("commitments-summary")).getText()).contains("未支付 250000.00 元", "逾期 250000.00 元");
        assertThat(browser.findElement(By.cssSelector("#alerts-list li[data-code=OVERDUE_COMMITMENT]")).getText())
                .contains("计划支付逾期", "c-" + unit);
        wait(driver -> chartSeries("冻结未支付") != null);
        assertThat(chartSeries("冻结未支付")).last().isEqualTo(250000.0);
        assertThat(chartSeries("计划支付（已付＋到期）")).last().isEqualTo(302500.5);
        screenshot("20-commitments");
    }

    @Test
    void the_pies_print_each_slices_amount_and_share_and_the_curve_its_execution_rate_at_each_month_end() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "L" + UUID.randomUUID().toString().substring(0, 8);
        register(api, unit, "界面图表单位", null);
        // 项目支出 2,500.50 (214) on 15 March, 基本支出 5,000.00 (208) on 15 June, of a budget of 1,100,000.00
        postHistory(api, unit, "2500.50");
        assertThat(api.post("/api/v1/transactions", Map.of("id", "b-" + unit, "type", "APPROPRIATE", "unit", unit,
                "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2080505", "kind", "BASIC",
                "amount", "100000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "pb-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-06-15", "line", "b-" + unit, "economic", "30108",
                "amount", "5000.00")).status()).isEqualTo(201);
        String execution = "/api/v1/reports/" + unit + "/2023/execution";
        await().atMost(PATIENCE).until(() -> api.get(execution).body().path("rows").path(0).path("values").path("executed")
                .asText().equals("7500.50"));

        open("?unit=" + unit + "&year=2023&view=charts&scale=yuan");
        // each pie: its slices' names, amounts with thousands separators and shares (2,500.50 / 7,500.50 = 33.34%)
        wait(driver -> chartTexts("chart-kinds").contains("项目支出"));
        assertThat(chartTexts("chart-kinds")).contains("基本支出", "5,000.00（66.66%）", "项目支出", "2,500.50（33.34%）");
        wait(driver -> chartTexts("chart-classes").contains("214 交通运输支出"));
        assertThat(chartTexts("chart-classes")).contains("208 社会保障和就业支出", "5,000.00（66.66%）", "214 交通运输支出",
                "2,500.50（33.34%）");
        // the curve: 执行率 at each month end, 0 before the first payment, 2,500.50 / 1,100,000.00 = 0.23% from March,
        // 7,500.50 / 1,100,000.00 = 0.68% from June
        wait(driver -> chartTexts("chart-progress").contains("0.68%"));
        List<String> progress = chartTexts("chart-progress");
        assertThat(progress.stream().filter("0.23%"::equals)).hasSize(3);
        assertThat(progress.stream().filter("0.68%"::equals)).hasSize(7);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("chart-classes")));
        screenshot("21-chart-labels");
    }

    /** The texts ECharts draws in a chart (titles, axes, labels), a line of a label each, as its renderer holds them. */
    @SuppressWarnings("unchecked")
    private static List<String> chartTexts(String id) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                if (!chart) return [];
                // a label's lines are drawn as spans: the label itself (which has them as children) is not
                return chart.getZr().storage.getDisplayList(true)
                    .filter((drawn) => !drawn.childrenRef && !drawn.invisible && drawn.style && typeof drawn.style.text === 'string')
                    .map((drawn) => drawn.style.text);""", id);
    }

    @Test
    void the_audit_history_names_the_commitment_events_in_chinese() throws Exception {
        HttpApi api = HttpApi.as(port, TestUsers.ADMIN);
        String unit = "H" + UUID.randomUUID().toString().substring(0, 8);
        register(api, unit, "界面冻结历史单位", null);
        postHistory(api, unit, "2500.50");
        assertThat(api.post("/api/v1/transactions", Map.of("id", "c-" + unit, "type", "COMMIT", "unit", unit,
                "year", 2023, "date", "2023-04-01", "line", "a-" + unit, "amount", "300000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "x-" + unit, "type", "RELEASE", "unit", unit,
                "year", 2023, "date", "2023-05-01", "commitment", "c-" + unit, "amount", "100000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "co-" + unit, "type", "CARRY_OVER", "unit", unit,
                "year", 2023)).status()).isEqualTo(201);

        open("?unit=" + unit + "&year=2023&view=audit");
        assertThat(historyTypes(5)).contains("用款冻结（CommitmentMade）", "解冻（CommitmentReleased）", "年终结账（YearClosed）");
        browser.get(base() + "/?unit=" + unit + "&year=2024&view=audit"); // still logged in
        assertThat(historyTypes(2)).contains("冻结结转（CommitmentCarriedOver）", "结转和结余转入（BalancesCarriedIn）");
        assertThat(browser.findElements(By.cssSelector("#history-type option")).stream().map(WebElement::getText).toList())
                .contains("用款冻结", "解冻", "冻结结转");
        screenshot("22-commitment-history");
    }

    /** The type column of the audit history, once it lists at least {@code rows} events. */
    private static List<String> historyTypes(int rows) {
        List<WebElement> history = wait(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("#history-rows tr"));
            return found.size() >= rows ? found : null;
        });
        return history.stream().map(event -> event.findElements(By.tagName("td")).get(1).getText()).toList();
    }

    /** The data of a series of the 执行进度 chart, by its name, as ECharts holds it; null before it is drawn. */
    @SuppressWarnings("unchecked")
    private static List<Double> chartSeries(String name) {
        List<Object> data = (List<Object>) ((JavascriptExecutor) browser).executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('chart-progress'));
                const series = chart && chart.getOption().series.find((one) => one.name === arguments[0]);
                return series ? series.data : null;""", name);
        return data == null ? null : data.stream().map(value -> ((Number) value).doubleValue()).toList();
    }

    /** The 内部往来核对 entry of (payer, receiver) in a checks body, once the projection has it. */
    private static Optional<JsonNode> internalFlow(JsonNode checks, String payer, String receiver) {
        for (JsonNode check : checks.path("checks")) {
            if (payer.equals(check.path("payer").asText()) && receiver.equals(check.path("receiver").asText())) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    /** Registers a unit, under {@code parent} (as a 公益一类事业单位) when one is given. */
    private static void register(HttpApi api, String code, String name, String parent) {
        Map<String, Object> unit = new LinkedHashMap<>(Map.of("code", code, "name", name));
        if (parent != null) {
            unit.put("parent", parent);
            unit.put("type", "PUBLIC_SERVICE_1");
        }
        assertThat(api.post("/api/v1/units", unit).status()).isEqualTo(201);
    }

    /** The {@code scope} of every request the page has sent for {@code path} since {@link #forgetRequests}. */
    @SuppressWarnings("unchecked")
    private static List<String> requestedScopes(String path) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map((entry) => new URL(entry.name))"
                        + ".filter((url) => url.pathname === arguments[0])"
                        + ".map((url) => url.searchParams.get('scope') || '');", path);
    }

    private static void forgetRequests() {
        ((JavascriptExecutor) browser).executeScript("performance.clearResourceTimings()");
    }

    /** Opens the page at {@code query}, logging in as the admin. */
    private void open(String query) {
        browser.get(base() + "/" + query);
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.id("login-password")).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("main")));
    }

    private static void postHistory(HttpApi api, String unit, String paid) {
        assertThat(api.post("/api/v1/transactions", Map.of("id", "a-" + unit, "type", "APPROPRIATE", "unit", unit,
                "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT",
                "project", "业务工作经费", "amount", "1000000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "p-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-03-15", "line", "a-" + unit, "economic", "30201",
                "amount", paid)).status()).isEqualTo(201);
    }

    private static void postHistory(HttpApi api, String unit) {
        assertThat(api.post("/api/v1/units", Map.of("code", unit, "name", "界面测试单位")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "a-" + unit, "type", "APPROPRIATE", "unit", unit,
                "year", 2023, "date", "2023-01-10", "fund", "GENERAL_BUDGET", "subject", "2140199", "kind", "PROJECT",
                "project", "业务工作经费", "amount", "1000000.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "p1-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-03-15", "line", "a-" + unit, "economic", "30201",
                "amount", "2500.50")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", Map.of("id", "p2-" + unit, "type", "PAY", "unit", unit,
                "year", 2023, "date", "2023-09-20", "line", "a-" + unit, "economic", "30201",
                "amount", "10000.00")).status()).isEqualTo(201);
    }

    /** 交通运输支出 on T01's expenditure side, as the API answers it. */
    private static String transport(JsonNode report) {
        for (JsonNode row : report.path("rows")) {
            if (TRANSPORT.equals(row.path("name").asText())) {
                return row.path("values").path("amount").asText();
            }
        }
        throw new AssertionError("T01 has no row " + TRANSPORT);
    }

    /** The same cell as the page shows it: the amount right of its name and 行次. */
    private String transportCell() {
        return wait(driver -> {
            for (WebElement row : driver.findElements(By.cssSelector("figure.official-form[data-table=T01] tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                if (cells.size() > 5 && cells.get(3).getText().equals(TRANSPORT)) {
                    return cells.get(5).getText();
                }
            }
            return null;
        });
    }

    private void page(String view, String screenshot, By loaded) throws IOException {
        browser.findElement(By.cssSelector("nav a[data-view=" + view + "]")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(loaded));
        screenshot(screenshot);
    }

    private static Path awaitDownload(String suffix) {
        return await().atMost(PATIENCE).until(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.toString().endsWith(suffix)).findFirst();
            }
        }, Optional::isPresent).orElseThrow();
    }

    /** The first amount right of the cell holding {@code label}, read from the downloaded workbook. */
    private static BigDecimal xlsxAmountBeside(Path xlsx, String label) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && label.equals(cell.getStringCellValue())) {
                        for (int column = cell.getColumnIndex() + 1; column < row.getLastCellNum(); column++) {
                            Cell right = row.getCell(column);
                            if (right != null && right.getCellType() == CellType.NUMERIC) {
                                return BigDecimal.valueOf(right.getNumericCellValue());
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no amount beside " + label + " in " + xlsx);
    }

    private static <T> T wait(Function<WebDriver, T> condition) {
        try {
            // the page replaces a table when it reloads it: a cell read a moment before may be gone
            return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException timedOut) {
            try {
                screenshot("timed-out");
            } catch (IOException ignored) {
                // the timeout is what matters
            }
            throw new AssertionError("timed out at " + browser.getCurrentUrl() + "; the page says: \""
                    + browser.findElement(By.id("message")).getText() + "\"; screenshot in " + SCREENSHOTS.resolve("timed-out.png"), timedOut);
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
