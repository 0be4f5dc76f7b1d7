package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.projection.RandomHistories;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ScratchNarrativeTest {
    @Test
    void print() throws Exception {
        Narrative narrative;
        try (InputStream in = getClass().getResourceAsStream("/publication/narrative.yml")) {
            narrative = Narrative.read(in);
        }
        NarrativeConfiguration.check(narrative);
        List<Delivered> events = RandomHistories.of("U1", 7, 1, 300);
        List<Fact> facts = new ArrayList<>();
        events.forEach(d -> facts.addAll(FactsOfEvent.of(d.envelope(), d.event())));
        ReportInputs inputs = ReportInputs.of(facts, List.of(), new ReportPeriod(LocalDate.of(2023, 12, 31), Instant.parse("2030-01-01T00:00:00Z")));
        YearTables tables = YearTables.of(2023, inputs);
        Map<String, Figure> figures = PublicationFigures.of(2023, tables, Optional.of(tables), DisclosureSums.NONE, Optional.empty(),
                new DisclosureFigures.Unit("测试单位", UnitType.ADMINISTRATIVE, List.of(), false, 0, true));
        NarrativeRenderer renderer = new NarrativeRenderer(narrative, Map.of());
        for (Narrative.Section section : narrative.statements()) {
            System.out.println("## " + section.title());
            renderer.render(section, figures).forEach(p -> System.out.println((p.heading() ? "### " : "") + p.plainText()));
        }
    }
}
