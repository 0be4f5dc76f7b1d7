package org.budgetledger.projection.publication;

import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.reports.export.FormHtml;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The publication as JSON, for the web UI's 公开文本 tab: the document's parts, sections and paragraphs as segments
 * (words, figures with their names, blanks with their keys), each 公开表 as the HTML fragment of its official layout,
 * the execution tables, every blank with what it asks for and whether it is filled, and the profile as known (which
 * the tab sends back with the blanks' texts: a profile is set whole).
 */
public record PublicationJson(String unit, String unitName, int year, String scope, LocalDate asOf, Instant knownAt,
                              PublicationSources.LedgerPosition position, String stamp, String title, Integer previousYear,
                              boolean previousFromReference, List<String> notes, List<Part> parts, List<Blank> blanks,
                              UnitYearProfileSet profile) {

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

    public record Blank(String key, String label, String filled) {
    }

    public static PublicationJson of(Publication publication) {
        return new PublicationJson(publication.unit(), publication.unitName(), publication.year(),
                publication.scope().parameterValue(), publication.asOf(), publication.knownAt(), publication.position(),
                publication.stamp(), publication.title(), publication.previousYear(), publication.previousFromReference(),
                publication.notes(), publication.parts().stream().map(PublicationJson::part).toList(),
                publication.blanks().stream().map(blank -> new Blank(blank.key(), blank.label(), blank.filled())).distinct().toList(),
                publication.profile());
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
