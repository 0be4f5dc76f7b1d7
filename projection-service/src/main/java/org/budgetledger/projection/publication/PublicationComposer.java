package org.budgetledger.projection.publication;

import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.digests.DigestStatement;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.execution.BudgetExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A publication put together from what was read for it (a pure function: the API description's example is composed
 * the same way): the figures of the tables, last year's, the disclosure and the profile; the narrative said of them in
 * the five parts of the seed report.
 */
final class PublicationComposer {

    /** What a publication is composed of, read at its point in time. */
    record Sources(YearTables tables, Optional<YearTables> previous, DisclosureSums sums, Optional<UnitYearProfileSet> profile,
                   DisclosureFigures.Unit about, PublicationSources.LedgerPosition position, DigestStatement ledgerDigest) {
    }

    private PublicationComposer() {
    }

    static Publication compose(Narrative narrative, String unit, int year, Scope scope, ReportPeriod period, Sources sources) {
        Map<String, Figure> figures = PublicationFigures.of(year, sources.tables(), sources.previous(), sources.sums(),
                sources.profile(), sources.about());
        NarrativeRenderer renderer = new NarrativeRenderer(narrative, sources.profile().map(UnitYearProfileSet::explanations)
                .filter(Objects::nonNull).orElse(Map.of()));
        String unitName = sources.about().name();
        List<Publication.Part> parts = new ArrayList<>();
        parts.add(new Publication.Part("profile", said(renderer, narrative.title("profile"), figures), sections(narrative.profile(),
                renderer, figures)));
        parts.add(new Publication.Part("tables", said(renderer, narrative.title("tables"), figures),
                tables(unit, year, scope, period, sources.tables(), unitName)));
        parts.add(new Publication.Part("statements", said(renderer, narrative.title("statements"), figures),
                sections(narrative.statements(), renderer, figures)));
        parts.add(new Publication.Part("glossary", said(renderer, narrative.title("glossary"), figures), List.of(
                Publication.Section.of("glossary", null, narrative.glossary().stream()
                        .map(line -> Paragraph.text(List.of(new Segment.Words(line)))).toList()))));
        parts.add(new Publication.Part("annex", said(renderer, narrative.title("annex"), figures), List.of(new Publication.Section(
                "execution", said(renderer, narrative.title("annex_execution"), figures), List.of(), List.of(),
                ExecutionSheet.of(sources.tables().rows(BudgetExecution.TABLE.name()), unitName + "（整体）")))));
        return new Publication(unit, unitName, year, scope, period.asOf(), period.knownAt(), sources.position(), sources.ledgerDigest(),
                said(renderer, narrative.title("document"), figures), parts, sources.previous().map(YearTables::year).orElse(null),
                sources.previous().map(YearTables::fromReference).orElse(false), narrative.notes(), sources.profile().orElse(null));
    }

    private static List<Publication.Section> sections(List<Narrative.Section> sections, NarrativeRenderer renderer,
                                                      Map<String, Figure> figures) {
        return sections.stream().map(section -> Publication.Section.of(section.key(), said(renderer, section.title(), figures),
                renderer.render(section, figures))).toList();
    }

    /** 第二部分: the nine 公开表 in their official layout, in 万元 as published. */
    private static List<Publication.Section> tables(String unit, int year, Scope scope, ReportPeriod period, YearTables tables,
                                                    String unitName) {
        List<Publication.Section> sections = new ArrayList<>();
        for (ReportTable table : ReportTables.all().values()) {
            if (table == BudgetExecution.TABLE) {
                continue;
            }
            Report report = new Report(table, unit, year, period.asOf(), period.knownAt(), Scale.WANYUAN, tables.rows(table.name()),
                    scope, unitName);
            sections.add(new Publication.Section(table.name(), table.officialForm().title(), List.of(), List.of(report), List.of()));
        }
        return sections;
    }

    /** A template said of the figures, as plain text (a title). */
    private static String said(NarrativeRenderer renderer, String template, Map<String, Figure> figures) {
        return renderer.line(template, figures).stream().map(Segment::text).reduce("", String::concat);
    }
}
