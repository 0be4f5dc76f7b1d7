package org.budgetledger.projection.publication;

import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.digests.LedgerDigest;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.export.FormHtml;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The publication as one HTML document that prints on A4 from a browser (SPEC §15): the cover, 目录, the five parts,
 * each part and each 公开表 starting a page (the wide forms on landscape pages), the page number at each page's foot
 * and, at each page's head, the point in time and the ledger position it was computed from. Self-contained: its
 * style is in the document, allowed by its own Content-Security-Policy hash ({@link #contentSecurityPolicy}), so a
 * saved copy prints the same; no script. Every figure is marked ({@code data-figure}), every blank too
 * ({@code data-blank}).
 */
public final class PublicationHtml {

    /** The document and the policy that lets a browser apply its one style element, and nothing else. */
    public record Document(String html, String contentSecurityPolicy) {
    }

    private static final String STYLE = """
            @page { size: A4; margin: 24mm 18mm 20mm 18mm;
              @top-center { content: "%s"; white-space: pre-wrap; font-size: 7pt; color: #555; vertical-align: bottom;
                font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
              @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt;
                font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; } }
            @page wide { size: A4 landscape; }
            body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 11pt; line-height: 1.7;
              color: #000; margin: 0; }
            @media screen { body { margin: 0 auto; max-width: 174mm; padding: 0 8mm; } .form-page.wide { max-width: 261mm; } }
            .cover { text-align: center; padding-top: 60mm; }
            .cover h1 { font-size: 26pt; line-height: 1.4; }
            .stamp { font-size: 9pt; color: #444; margin-top: 40mm; }
            .colophon p { font-size: 9pt; color: #444; text-indent: 0; word-break: break-all; }
            .part, .form-page { break-before: page; }
            .form-page.wide { page: wide; }
            .annex-sheet { break-inside: avoid; margin-bottom: 6mm; }
            h1 { font-size: 18pt; text-align: center; }
            h2 { font-size: 14pt; margin-top: 1.2em; }
            h3 { font-size: 12pt; margin: 0.8em 0 0.2em; }
            p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
            .contents p { text-indent: 0; }
            .contents .section { padding-left: 2em; }
            .blank { background: #fff3bf; border-bottom: 1px dashed #b08800; }
            .blank.filled { background: none; border-bottom: none; }
            .note { font-size: 9pt; color: #444; text-indent: 0; }
            table { border-collapse: collapse; width: 100%%; font-size: 8.5pt; line-height: 1.3; break-inside: auto; }
            th, td { border: 0.5pt solid #000; padding: 1.5pt 3pt; }
            th { font-weight: normal; background: #f2f2f2; }
            td.amount, td.number { text-align: right; font-variant-numeric: tabular-nums; }
            tr { break-inside: avoid; }
            thead { display: table-header-group; }
            figure.official-form { margin: 0; }
            figure.official-form h2 { text-align: center; }
            .form-meta { display: flex; justify-content: space-between; text-indent: 0; font-size: 9pt; }
            figcaption { font-size: 8.5pt; margin-top: 4pt; }
            """;

    /** A form of more columns than this is printed on a landscape page. */
    private static final int WIDE_COLUMNS = 6;

    private PublicationHtml() {
    }

    public static Document write(Publication publication) {
        String style = STYLE.formatted(cssString(publication.title() + " · " + String.join("\n", publication.stampLines())));
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(publication.title())).append("</title>\n<style>").append(style).append("</style>\n</head>\n<body>\n");
        cover(publication, html);
        contents(publication, html);
        for (Publication.Part part : publication.parts()) {
            html.append("<section class=\"part\" id=\"").append(part.key()).append("\" data-part=\"").append(part.key()).append("\">\n")
                    .append("<h1>").append(escape(part.title())).append("</h1>\n");
            for (int index = 0; index < part.sections().size(); index++) {
                section(part.sections().get(index), part.key() + "-" + index, html);
            }
            html.append("</section>\n");
        }
        colophon(publication, html);
        html.append("</body>\n</html>\n");
        return new Document(html.toString(), "default-src 'none'; style-src '" + sha256(style) + "'; img-src data:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    private static void cover(Publication publication, StringBuilder html) {
        html.append("<header class=\"cover\">\n<h1>").append(escape(publication.title())).append("</h1>\n")
                .append("<p class=\"stamp\" data-stamp>").append(escape(publication.stamp())).append("</p>\n");
        if (publication.previousFromReference()) {
            html.append("<p class=\"note\">上年（").append(publication.previousYear())
                    .append("年）比较数取自上年公开的部门决算表（参考数据），非本账本记录。</p>\n");
        }
        for (String note : publication.notes()) {
            html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        html.append("</header>\n");
    }

    /**
     * The ledger's signed digest once in full (SPEC §16): what every page's header abbreviates, each field also as a data
     * attribute, so that an auditor can copy it whole and check its signature with the ledger's public key.
     */
    private static void colophon(Publication publication, StringBuilder html) {
        html.append("<section class=\"colophon\" data-ledger-digest");
        LedgerDigest digest = publication.ledgerDigest().digest();
        if (digest != null) {
            html.append(" data-tree-size=\"").append(digest.treeSize()).append("\" data-root-hash=\"").append(digest.rootHash())
                    .append("\" data-recorded-at=\"").append(escape(digest.recordedAt())).append("\" data-key-id=\"")
                    .append(escape(digest.keyId())).append("\" data-signature=\"").append(escape(digest.signature())).append('"');
        }
        html.append(">\n");
        for (String line : publication.ledgerDigest().fullLines()) {
            html.append("<p>").append(escape(line)).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void contents(Publication publication, StringBuilder html) {
        html.append("<nav class=\"part contents\">\n<h1>目录</h1>\n");
        for (Publication.Part part : publication.parts()) {
            html.append("<p><a href=\"#").append(part.key()).append("\">").append(escape(part.title())).append("</a></p>\n");
            for (int index = 0; index < part.sections().size(); index++) {
                Publication.Section section = part.sections().get(index);
                if (section.title() != null) {
                    html.append("<p class=\"section\"><a href=\"#").append(part.key()).append('-').append(index).append("\">")
                            .append(escape(section.title())).append("</a></p>\n");
                }
            }
        }
        html.append("</nav>\n");
    }

    private static void section(Publication.Section section, String id, StringBuilder html) {
        if (!section.tables().isEmpty()) {
            for (Report report : section.tables()) {
                boolean wide = report.table().layout(report).width() > WIDE_COLUMNS;
                html.append("<div class=\"form-page").append(wide ? " wide" : "").append("\" id=\"").append(id).append("\">\n")
                        .append(FormHtml.write(report)).append("</div>\n");
            }
            return;
        }
        html.append("<div class=\"section\" id=\"").append(id).append("\">\n");
        if (section.title() != null && section.executions().isEmpty()) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
        }
        for (Paragraph paragraph : section.paragraphs()) {
            String tag = paragraph.heading() ? "h3" : "p";
            html.append('<').append(tag).append('>');
            for (Segment segment : paragraph.segments()) {
                segment(segment, html);
            }
            html.append("</").append(tag).append(">\n");
        }
        if (!section.executions().isEmpty()) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
        }
        for (ExecutionSheet sheet : section.executions()) {
            executionSheet(sheet, html);
        }
        html.append("</div>\n");
    }

    private static void segment(Segment segment, StringBuilder html) {
        if (segment instanceof Segment.Value value) {
            html.append("<span class=\"figure\" data-figure=\"").append(escape(value.figure())).append("\">")
                    .append(escape(value.text()).replace("\n", "<br>")).append("</span>");
        } else if (segment instanceof Segment.Blank blank) {
            html.append("<span class=\"blank").append(blank.open() ? "" : " filled").append("\" data-blank=\"")
                    .append(escape(blank.key())).append("\" title=\"").append(escape(blank.label())).append("\">")
                    .append(escape(blank.text())).append("</span>");
        } else {
            html.append(escape(segment.text()).replace("\n", "<br>"));
        }
    }

    private static void executionSheet(ExecutionSheet sheet, StringBuilder html) {
        html.append("<div class=\"annex-sheet\">\n<h3>项目支出名称：").append(escape(sheet.title()))
                .append("</h3>\n<p class=\"note\">金额单位：万元</p>\n<table>\n<thead><tr><th>项目资金</th><th>年初预算数</th>"
                        + "<th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr></thead>\n<tbody>\n");
        for (ExecutionSheet.Line line : sheet.lines()) {
            html.append("<tr><td>").append(escape(line.label())).append("</td>")
                    .append(number(Money.ofFen(line.initialFen()).toWanyuanString()))
                    .append(number(Money.ofFen(line.fullYearFen()).toWanyuanString()))
                    .append(number(Money.ofFen(line.executedFen()).toWanyuanString()))
                    .append(number(plain(line.weight()))).append(number(line.rate() == null ? "" : line.rate().toPlainString() + "%"))
                    .append(number(plain(line.score()))).append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static String number(String text) {
        return "<td class=\"number\">" + escape(text) + "</td>";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Text as a CSS string's content: quotes and backslashes escaped, a line break as {@code \A}. */
    static String cssString(String text) {
        StringBuilder css = new StringBuilder();
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> css.append("\\22 ");
                case '\\' -> css.append("\\5C ");
                case '\n' -> css.append("\\A ");
                case '<' -> css.append("\\3C ");
                default -> {
                    if (character < 0x20) {
                        css.append(' ');
                    } else {
                        css.append(character);
                    }
                }
            }
        }
        return css.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
