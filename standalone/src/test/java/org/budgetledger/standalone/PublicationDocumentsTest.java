package org.budgetledger.standalone;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example's publication as a Word document, read back with Apache POI (SPEC §15): its headings (the
 * parts and sections, as Heading 1 and 2), the table of contents field, the nine 公开表 and the execution tables as
 * real tables, and the point in time with the ledger position in the header of every page. The HTML and DOCX are kept
 * in {@code target/publication} for reviewers.
 */
class PublicationDocumentsTest extends StandaloneIntegrationTest {

    static final Path ARTEFACTS = Path.of("target", "publication");

    private HttpApi api;

    @BeforeEach
    void postTheWorkedExample() {
        api = new HttpApi(port);
        WorkedExample.post(api);
    }

    @Test
    void the_docx_opens_with_its_headings_contents_tables_and_the_ledger_position_on_every_page() throws IOException {
        byte[] docx = download("docx");
        Files.createDirectories(ARTEFACTS);
        Files.write(ARTEFACTS.resolve("430001-2023.docx"), docx);
        String position = api.get("/api/v1/publications/430001/2023?format=json&scope=unit").body().path("position")
                .path("hash").asText();

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> parts = headings(document, "Heading1");
            assertThat(parts).containsExactly("第一部分 湖南省交通运输厅科技信息中心概况", "第二部分 部门决算表",
                    "第三部分 2023年度部门决算情况说明", "第四部分 名词解释", "第五部分 附件");
            assertThat(headings(document, "Heading2")).contains("一、部门职责", "收入支出决算总表", "财政拨款“三公”经费支出决算表",
                    "一、收入支出决算总体情况说明", "十一、关于政府采购支出说明", "十三、关于2023年度预算绩效情况的说明");
            assertThat(document.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();
            assertThat(document.getParagraphs().stream().flatMap(paragraph -> paragraph.getCTP().getFldSimpleList().stream())
                    .map(field -> field.getInstr()).toList()).anyMatch(instruction -> instruction.startsWith("TOC "));
            // the nine 公开表 and the execution tables (合计 and each project)
            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSizeGreaterThan(9);
            assertThat(tables.get(0).getText()).contains("一般公共预算财政拨款收入", "7905.95", "9234.69");
            assertThat(tables.get(8).getText()).contains("6.60", "1.17");
            assertThat(tables.get(9).getText()).contains("年度资金总额", "9234.62", "7939.42", "85.97%", "8.60");
            String header = document.getHeaderList().stream().map(page -> page.getText()).collect(Collectors.joining("\n"));
            assertThat(header).contains("截至 2023-12-31（业务日期），记录时点", "账本位置（投影已应用的最后事件，非签名摘要）：序号 ", position);
            assertThat(document.getFooterList().get(0).getParagraphs().get(0).getCTP().getFldSimpleList())
                    .extracting(field -> field.getInstr()).containsExactly("PAGE");
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("本部门2023年度政府采购支出总额2979.23万元", "【部门（单位）整体支出绩效情况】");
        }
    }

    @Test
    void the_html_is_one_document_that_allows_its_own_style_and_nothing_else() {
        var answer = RestClient.create("http://localhost:" + port).get().uri("/api/v1/publications/430001/2023?scope=unit")
                .headers(headers -> headers.setBasicAuth(org.budgetledger.testing.TestUsers.ADMIN, org.budgetledger.testing.TestUsers.ADMIN))
                .retrieve().toEntity(String.class);
        String policy = answer.getHeaders().getFirst("Content-Security-Policy");
        String html = answer.getBody();

        assertThat(policy).startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("unsafe", "script-src 'self'");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");
        assertThat(html).contains("@page { size: A4;", "@bottom-center", "counter(page)", "账本位置（投影已应用的最后事件")
                .contains("data-figure=\"procurement_total\">2979.23<", "<figure class=\"official-form\" data-table=\"T09\"")
                .doesNotContain("<script");
    }

    private byte[] download(String format) {
        return RestClient.create("http://localhost:" + port).get()
                .uri("/api/v1/publications/430001/2023?scope=unit&format=" + format)
                .headers(headers -> headers.setBasicAuth(org.budgetledger.testing.TestUsers.ADMIN, org.budgetledger.testing.TestUsers.ADMIN))
                .retrieve().body(byte[].class);
    }

    private static List<String> headings(XWPFDocument document, String style) {
        return document.getParagraphs().stream().filter(paragraph -> style.equals(paragraph.getStyle()))
                .map(XWPFParagraph::getText).toList();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
