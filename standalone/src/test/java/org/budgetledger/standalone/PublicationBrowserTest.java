package org.budgetledger.standalone;

import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example's publication as HTML, printed by headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}, as {@link WebUiTest} drives them) to a PDF of A4 pages, as a browser's "print" does: the
 * page size its own CSS asks for ({@code @page}), the wide 公开表 on landscape pages. The PDF and a screenshot of page 1
 * are kept in {@code target/publication} and {@code target/screenshots} for reviewers. And the web UI's 公开文本 tab: the
 * document, its blanks, one of them filled and saved into the profile, the document shown again with its text.
 * Skipped without Chromium (it fails instead under {@code CI=true}).
 */
class PublicationBrowserTest extends StandaloneIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A4 in PDF points (1/72 inch), as Chromium writes it: 210 × 297 mm. */
    private static final double A4_SHORT = 595.0;
    private static final double A4_LONG = 842.0;
    private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");

    private static ChromeDriver browser;

    @BeforeAll
    static void browser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as WebUiTest: off the (closed) network, out of the way of a root user; an A4 page's width at 96 dpi
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1123", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("budget-ledger-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_html_prints_to_a4_pages_with_each_part_and_table_on_pages_of_its_own() throws IOException {
        WorkedExample.post(new HttpApi(port));
        String html = RestClient.create("http://localhost:" + port).get().uri("/api/v1/publications/430001/2023?scope=unit")
                .headers(headers -> headers.setBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN)).retrieve().body(String.class);
        Files.createDirectories(PublicationDocumentsTest.ARTEFACTS);
        Path saved = PublicationDocumentsTest.ARTEFACTS.resolve("430001-2023.html");
        Files.writeString(saved, html, StandardCharsets.UTF_8);

        // as saved: the document holds its style, and prints without the server
        browser.get(saved.toAbsolutePath().toUri().toString());
        Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, SCREENSHOTS.resolve("publication-page-1.png"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> printed = browser.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(PublicationDocumentsTest.ARTEFACTS.resolve("430001-2023.pdf"), pdf);

        List<double[]> pages = pages(pdf);
        // cover, contents, five parts, the nine tables each on a page of its own
        assertThat(pages).hasSizeGreaterThan(15);
        long landscape = 0;
        for (double[] page : pages) {
            double shorter = Math.min(page[0], page[1]);
            double longer = Math.max(page[0], page[1]);
            assertThat(shorter).as("page width of %s", page).isBetween(A4_SHORT - 1.5, A4_SHORT + 1.5);
            assertThat(longer).isBetween(A4_LONG - 1.5, A4_LONG + 1.5);
            landscape += page[0] > page[1] ? 1 : 0;
        }
        assertThat(pages.get(0)[0]).as("the cover is portrait").isLessThan(pages.get(0)[1]);
        assertThat(landscape).as("the wide forms: T02, T03, T04, T06, T07, T09").isGreaterThanOrEqualTo(6);
        assertThat(Files.size(SCREENSHOTS.resolve("publication-page-1.png"))).isGreaterThan(10_000);
    }

    @Test
    void the_publication_tab_shows_the_document_and_its_blanks_and_an_administrator_fills_one() throws IOException {
        WorkedExample.post(new HttpApi(port));
        String base = "http://localhost:" + port;
        browser.get(base + "/?view=publication&unit=430001&year=2023&scope=unit");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.id("login-password")).sendKeys(TestUsers.ADMIN);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        wait(driver -> driver.findElement(By.id("publication")).getText().contains("本部门2023年度政府采购支出总额2979.23万元"));
        assertThat(browser.findElement(By.id("publication-stamp")).getText()).contains("截至 2023-12-31", "账本位置");
        assertThat(browser.findElements(By.cssSelector("#publication .official-form"))).hasSize(9);
        WebElement blank = browser.findElement(By.id("blank-performance_overall"));
        assertThat(browser.findElement(By.cssSelector("#publication mark[data-blank=performance_overall]")).getText())
                .isEqualTo("【部门（单位）整体支出绩效情况】");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("publication-tab.png"),
                StandardCopyOption.REPLACE_EXISTING);

        blank.sendKeys("全年预算执行良好，完成了年初绩效任务");
        browser.findElement(By.id("blanks-save")).click();

        wait(driver -> driver.findElements(By.cssSelector("#publication span[data-blank=performance_overall]")).stream()
                .anyMatch(filled -> filled.getText().equals("全年预算执行良好，完成了年初绩效任务")));
        assertThat(browser.findElement(By.id("blanks-saved")).getText()).startsWith("已保存");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    }

    private static <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    /** Each page's MediaBox (width, height in points), in the order the PDF lists them. */
    private static List<double[]> pages(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        List<double[]> pages = new ArrayList<>();
        Matcher matcher = MEDIA_BOX.matcher(text);
        while (matcher.find()) {
            pages.add(new double[]{Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))});
        }
        return pages;
    }
}
