package org.budgetledger.projection.publication;

import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.digests.LedgerDigest;
import org.budgetledger.projection.reports.export.FormHtml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The publication as JSON, for the web UI's 公开文本 tab: the document's parts, sections and paragraphs as segments
 * (words, figures with their names, blanks with their keys), each 公开表 as the HTML fragment of its official layout,
 * the execution tables, every blank with what it asks for and whether it is filled, and the profile as known (which
 * the tab sends back with the blanks' texts: a profile is set whole), and the ledger's signed digest that covers knownAt
 * (SPEC §16; null while none does yet).
 */
public record PublicationJson(String unit, String unitName, int year, String scope, LocalDate asOf, Instant knownAt,
                              PublicationSources.LedgerPosition position, String stamp, String title, Integer previousYear,
                              boolean previousFromReference, List<String> notes, List<Part> parts, List<Blank> blanks,
                              UnitYearProfileSet profile, LedgerDigest ledgerDigest) {

    public record Part(String key, String title, List<Section> sections) {
    }

    public record Section(String key, String title, List<Paragraph> paragraphs, List<String> tables, List<Sheet> executions) {
    }

    /** An execution table of 第五部分, amounts in 万元 as printed. */
    public record Sheet(String title, List<Line> lines) {
    }

    public record Line(String label, String initialBudget, String fullYearBudget, String executed, String weight, String rate,
                       String score) {
    }

    public record Paragraph(boolean heading, List<Piece> segments) {
    }

    /** {@code type}: words, figure or blank. */
    public record Piece(String type, String text, String figure, String key, String label, Boolean open) {
    }

    /** A blank: its key, what it asks for, its text if written, and the words of its sentence before it (which item). */
    public record Blank(String key, String label, String filled, String context) {
    }

    /** The words before a blank that show a reader which one it is: at most this many characters. */
    static final int CONTEXT_LENGTH_MAX = 60;

    public static PublicationJson of(Publication publication) {
        return new PublicationJson(publication.unit(), publication.unitName(), publication.year(),
                publication.scope().parameterValue(), publication.asOf(), publication.knownAt(), publication.position(),
                publication.stamp(), publication.title(), publication.previousYear(), publication.previousFromReference(),
                publication.notes(), publication.parts().stream().map(PublicationJson::part).toList(),
                blanks(publication), publication.profile(), publication.ledgerDigest().digest());
    }

    /** Every blank once, in the order they appear, with the words before it in its paragraph. */
    private static List<Blank> blanks(Publication publication) {
        java.util.Map<String, Blank> blanks = new java.util.LinkedHashMap<>();
        for (Publication.Part part : publication.parts()) {
            for (Publication.Section section : part.sections()) {
                for (org.budgetledger.projection.publication.Paragraph paragraph : section.paragraphs()) {
                    StringBuilder before = new StringBuilder();
                    for (Segment segment : paragraph.segments()) {
                        if (segment instanceof Segment.Blank blank) {
                            String context = before.length() <= CONTEXT_LENGTH_MAX ? before.toString()
                                    : "…" + before.substring(before.length() - CONTEXT_LENGTH_MAX);
                            blanks.putIfAbsent(blank.key(), new Blank(blank.key(), blank.label(), blank.filled(), context));
                        }
                        before.append(segment.text());
                    }
                }
            }
        }
        return List.copyOf(blanks.values());
    }

    private static Part part(Publication.Part part) {
        return new Part(part.key(), part.title(), part.sections().stream().map(section -> new Section(section.key(), section.title(),
                section.paragraphs().stream().map(PublicationJson::paragraph).toList(),
                section.tables().stream().map(FormHtml::write).toList(), section.executions().stream().map(PublicationJson::sheet)
                .toList())).toList());
    }

    private static Sheet sheet(ExecutionSheet sheet) {
        return new Sheet(sheet.title(), sheet.lines().stream().map(line -> new Line(line.label(), PublicationDocx.amount(line.initialFen()),
                PublicationDocx.amount(line.fullYearFen()), PublicationDocx.amount(line.executedFen()),
                PublicationDocx.plain(line.weight()), line.rate() == null ? "" : line.rate().toPlainString(),
                PublicationDocx.plain(line.score()))).toList());
    }

    private static Paragraph paragraph(org.budgetledger.projection.publication.Paragraph paragraph) {
        return new Paragraph(paragraph.heading(), paragraph.segments().stream().map(segment -> {
            if (segment instanceof Segment.Value value) {
                return new Piece("figure", value.text(), value.figure(), null, null, null);
            }
            if (segment instanceof Segment.Blank blank) {
                return new Piece("blank", blank.text(), null, blank.key(), blank.label(), blank.open());
            }
            return new Piece("words", segment.text(), null, null, null, null);
        }).toList());
    }
}
