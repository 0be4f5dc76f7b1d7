package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.departments.AppliedRegister;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.departments.UnitAttributes;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.projection.reports.t06.GeneralBudgetBasicByEconomic;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a unit-year's publication together (SPEC §15) at a point in time, in a scope: the tables computed as the
 * reports compute them, last year's from the ledger or the reference, the payments' disclosure, the profile; then
 * the figures of those, and the narrative said of the figures.
 */
@Component
public class PublicationAssembler {

    /** The unit types that have 机关运行经费 (SPEC §15): 行政单位 and 参公 units. */
    static final Set<UnitType> RUNNING_COSTS_TYPES = Set.of(UnitType.ADMINISTRATIVE, UnitType.CIVIL_SERVICE_MANAGED);

    private final Consolidation consolidation;
    private final AppliedRegister register;
    private final PublicationSources sources;
    private final Narrative narrative;

    PublicationAssembler(Consolidation consolidation, AppliedRegister register, PublicationSources sources, Narrative narrative) {
        this.consolidation = consolidation;
        this.register = register;
        this.sources = sources;
        this.narrative = narrative;
    }

    public Publication assemble(String unit, int year, Scope scope, ReportPeriod period) {
        List<String> units = scope == Scope.UNIT ? List.of(unit) : register.unitsOf(unit, period);
        units = units.isEmpty() ? List.of(unit) : units;
        YearTables tables = YearTables.of(year, inputs(unit, year, period, scope));
        Optional<YearTables> previous = previous(unit, units, year, period, scope);
        Optional<UnitYearProfileSet> profile = sources.profile(unit, year, period.knownAt());
        UnitAttributes attributes = register.unitAt(unit, period).orElse(new UnitAttributes(unit, unit, null, UnitType.OTHER));
        DisclosureFigures.Unit about = about(attributes, units, tables, year, period, scope);
        Map<String, Figure> figures = PublicationFigures.of(year, tables, previous, sources.disclosures(units, year, period),
                profile, about);
        NarrativeRenderer renderer = new NarrativeRenderer(narrative,
                profile.map(UnitYearProfileSet::explanations).filter(java.util.Objects::nonNull).orElse(Map.of()));

        List<Publication.Part> parts = new ArrayList<>();
        parts.add(new Publication.Part("profile", title(renderer, "profile", figures), narrative.profile().stream()
                .map(section -> Publication.Section.of(section.key(), said(renderer, section.title(), figures),
                        renderer.render(section, figures))).toList()));
        parts.add(new Publication.Part("tables", title(renderer, "tables", figures), tables(unit, year, scope, period, tables,
                about.name())));
        parts.add(new Publication.Part("statements", title(renderer, "statements", figures), narrative.statements().stream()
                .map(section -> Publication.Section.of(section.key(), said(renderer, section.title(), figures),
                        renderer.render(section, figures))).toList()));
        parts.add(new Publication.Part("glossary", title(renderer, "glossary", figures), List.of(Publication.Section.of("glossary",
                null, narrative.glossary().stream().map(line -> Paragraph.text(List.of(new Segment.Words(line)))).toList()))));
        parts.add(new Publication.Part("annex", title(renderer, "annex", figures), List.of(new Publication.Section("execution",
                title(renderer, "annex_execution", figures), List.of(), List.of(),
                ExecutionSheet.of(tables.rows(BudgetExecution.TABLE.name()), about.name() + "（整体）")))));
        return new Publication(unit, about.name(), year, scope, period.asOf(), period.knownAt(), sources.position(period.knownAt()),
                title(renderer, "document", figures), parts, previous.map(YearTables::year).orElse(null),
                previous.map(YearTables::fromReference).orElse(false), narrative.notes(), profile.orElse(null));
    }

    private ReportInputs inputs(String unit, int year, ReportPeriod period, Scope scope) {
        return register.named(consolidation.inputs(unit, year, period, scope).consolidated(), period);
    }

    /** Last year: in the ledger when any unit has facts of it (as known at knownAt), else the reference, if any. */
    private Optional<YearTables> previous(String unit, List<String> units, int year, ReportPeriod period, Scope scope) {
        if (sources.inLedger(units, year - 1, period.knownAt())) {
            ReportPeriod lastYearEnd = new ReportPeriod(LocalDate.of(year - 1, 12, 31), period.knownAt());
            return Optional.of(YearTables.of(year - 1, inputs(unit, year - 1, lastYearEnd, scope)));
        }
        return sources.reference(unit, year, period.knownAt()).map(YearTables::ofReference);
    }

    /**
     * The unit as the publication names it, the units of its department, and its 机关运行经费: the 公用经费 of the fiscal
     * basic spending (公开06表) of each 行政 or 参公 unit it covers, each unit's own.
     */
    private DisclosureFigures.Unit about(UnitAttributes unit, List<String> units, YearTables tables, int year, ReportPeriod period,
                                         Scope scope) {
        List<String> others = units.stream().filter(code -> !code.equals(unit.code()))
                .map(code -> Optional.ofNullable(register.nameAt(code, period)).orElse(code)).toList();
        long runningCosts = 0;
        boolean any = false;
        for (String code : units) {
            UnitType type = register.unitAt(code, period).map(UnitAttributes::type).orElse(UnitType.OTHER);
            if (!RUNNING_COSTS_TYPES.contains(type)) {
                continue;
            }
            any = true;
            YearTables own = units.size() == 1 ? tables : YearTables.of(year, inputs(code, year, period, Scope.UNIT));
            runningCosts += own.economic(GeneralBudgetBasicByEconomic.PUBLIC_TOTAL)
                    .map(row -> row.fen(GeneralBudgetBasicByEconomic.AMOUNT)).orElse(0L);
        }
        return new DisclosureFigures.Unit(unit.name(), unit.type(), others, scope == Scope.DEPARTMENT && units.size() > 1,
                runningCosts, any);
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

    /** One of the narrative's titles, said of the figures. */
    private String title(NarrativeRenderer renderer, String key, Map<String, Figure> figures) {
        return said(renderer, narrative.title(key), figures);
    }

    private static String said(NarrativeRenderer renderer, String template, Map<String, Figure> figures) {
        return renderer.line(template, figures).stream().map(Segment::text).reduce("", String::concat);
    }
}
