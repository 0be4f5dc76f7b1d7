package org.budgetledger.standalone;

import org.budgetledger.testing.HttpApi;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * are kept in {@code target/publication} and {@code target/screenshots} for reviewers. Skipped without Chromium (it
 * fails instead under {@code CI=true}).
 */
class PublicationPrintTest extends StandaloneIntegrationTest {

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
                "--disable-dev-shm-usage", "--window-size=794,1123", "--lang=zh-CN",
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
