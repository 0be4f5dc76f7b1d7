package org.budgetledger.projection.publication;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The publication as a Word document (SPEC §15), written with Apache POI: the parts and sections as Heading 1 and
 * Heading 2 (outline levels, so that Word and LibreOffice build a table of contents from them), a TOC field that
 * either updates on opening, each part and 公开表 on a page of its own, the 公开表 and the execution tables as real tables
 * ({@link DocxTables}), A4 pages with the point in time and the ledger position in every page's header and the page
 * number in its footer.
 */
public final class PublicationDocx {

    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final String HEADING_3 = "Heading3";
    private static final String FONT = "宋体";

    private PublicationDocx() {
    }

    public static byte[] write(Publication publication) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            headingStyles(document);
            page(document);
            headerAndFooter(document, publication);
            document.enforceUpdateFields();
            cover(document, publication);
            contents(document);
            for (Publication.Part part : publication.parts()) {
                XWPFParagraph title = heading(document, HEADING_1, part.title());
                title.setPageBreak(true);
                for (Publication.Section section : part.sections()) {
                    section(document, section);
                }
            }
            colophon(document, publication);
            document.write(out);
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static void cover(XWPFDocument document, Publication publication) {
        XWPFParagraph title = document.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBefore(3600);
        run(title, publication.title(), 26, true);
        for (String line : publication.stampLines()) {
            XWPFParagraph stamp = document.createParagraph();
            stamp.setAlignment(ParagraphAlignment.CENTER);
            run(stamp, line, 9, false);
        }
        if (publication.previousFromReference()) {
            run(document.createParagraph(), "上年（" + publication.previousYear() + "年）比较数取自上年公开的部门决算表（参考数据），非本账本记录。", 9, false);
        }
        for (String note : publication.notes()) {
            run(document.createParagraph(), note, 9, false);
        }
    }

    /** The ledger's signed digest once in full (SPEC §16), after the last part: what every page's header abbreviates. */
    private static void colophon(XWPFDocument document, Publication publication) {
        boolean first = true;
        for (String line : publication.ledgerDigest().fullLines()) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingBefore(first ? 480 : 0);
            run(paragraph, line, 9, first);
            first = false;
        }
    }

    /** 目录: a TOC field of the headings, marked dirty so that Word and LibreOffice fill it in on opening. */
    private static void contents(XWPFDocument document) {
        XWPFParagraph title = document.createParagraph();
        title.setPageBreak(true);
        title.setAlignment(ParagraphAlignment.CENTER);
        run(title, "目录", 16, true);
        XWPFParagraph toc = document.createParagraph();
        CTSimpleField field = toc.getCTP().addNewFldSimple();
        field.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
        field.setDirty(true);
        field.addNewR().addNewT().setStringValue("（目录：打开文档时更新域即可生成；在 Word 中右键“更新域”。）");
    }

    private static void section(XWPFDocument document, Publication.Section section) {
        if (!section.tables().isEmpty()) {
            for (Report report : section.tables()) {
                XWPFParagraph title = heading(document, HEADING_2, report.table().officialForm().title());
                title.setPageBreak(true);
                DocxTables.form(document, report);
            }
            return;
        }
        if (section.title() != null) {
            XWPFParagraph title = heading(document, HEADING_2, section.title());
            title.setPageBreak(!section.executions().isEmpty());
        }
        for (Paragraph paragraph : section.paragraphs()) {
            XWPFParagraph written = paragraph.heading() ? heading(document, HEADING_3, "") : document.createParagraph();
            if (!paragraph.heading()) {
                written.setIndentationFirstLine(480);
            }
            for (Segment segment : paragraph.segments()) {
                XWPFRun run = run(written, segment.text(), 11, false);
                if (segment instanceof Segment.Blank blank && blank.open()) {
                    run.setTextHighlightColor("yellow");
                }
            }
        }
        for (ExecutionSheet sheet : section.executions()) {
            run(document.createParagraph(), "项目支出名称：" + sheet.title() + "　金额单位：万元", 10, false);
            DocxTables.execution(document, sheet);
        }
    }

    private static XWPFParagraph heading(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle(style);
        if (!text.isEmpty()) {
            run(paragraph, text, style.equals(HEADING_1) ? 16 : style.equals(HEADING_2) ? 14 : 12, true);
        }
        return paragraph;
    }

    static XWPFRun run(XWPFParagraph paragraph, String text, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                run.addBreak();
            }
            run.setText(lines[index], index);
        }
        run.setFontSize(points);
        run.setBold(bold);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        return run;
    }

    /** Heading 1 to 3 with their outline levels: what a TOC field and the navigation pane read. */
    private static void headingStyles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        String[][] headings = {{HEADING_1, "heading 1", "0"}, {HEADING_2, "heading 2", "1"}, {HEADING_3, "heading 3", "2"}};
        for (String[] heading : headings) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(heading[0]);
            style.setType(STStyleType.PARAGRAPH);
            CTString name = style.addNewName();
            name.setVal(heading[1]);
            style.addNewQFormat(); // shown in the style gallery (an on/off element without a value is on)
            CTPPrGeneral properties = style.addNewPPr();
            CTDecimalNumber level = properties.addNewOutlineLvl();
            level.setVal(new BigInteger(heading[2]));
            styles.addStyle(new XWPFStyle(style));
        }
    }

    /** A4, portrait, margins as the HTML's. */
    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1361));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1021));
        margins.setRight(BigInteger.valueOf(1021));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
    }

    private static void headerAndFooter(XWPFDocument document, Publication publication) {
        XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph title = header.createParagraph();
        run(title, publication.title(), 8, false);
        for (String line : publication.stampLines()) {
            run(header.createParagraph(), line, 7, false);
        }
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph number = footer.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        run(number, "第 ", 9, false);
        CTSimpleField page = number.getCTP().addNewFldSimple();
        page.setInstr("PAGE");
        page.addNewR().addNewT().setStringValue("1");
        run(number, " 页", 9, false);
    }

    static String amount(long fen) {
        return Money.ofFen(fen).toWanyuanString();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String formMeta(Report report) {
        OfficialForm form = report.table().officialForm();
        return "部门：" + report.department() + "　" + form.number() + "　金额单位：万元";
    }
}
