package org.budgetledger.projection.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.projection.RandomHistories;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.api.ExampleUnitYear;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.export.FormHtml;
import org.budgetledger.projection.reports.export.ReportCsv;
import org.budgetledger.projection.reports.export.ReportJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table of a few unit-years, as JSON, CSV and HTML at both scales, with the consistency checks, byte for
 * byte as the renderers wrote them before report cells were typed (resources {@code pinned-reports/}): the
 * typed cells, the per-table packages and the CSV library change none of it. One history has project names
 * with commas, quotes, line ends and spaces, which CSV must quote as before.
 */
class ReportRenderingPinTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @ValueSource(strings = {"random-1", "random-2", "example", "hostile-names"})
    void every_rendering_is_what_it_was(String history) throws IOException {
        String rendered = render(history);
        Path pinned = Path.of("src/test/resources/pinned-reports/" + history + ".txt");
        if (Boolean.getBoolean("pin.rewrite")) {
            Files.createDirectories(pinned.getParent());
            Files.writeString(pinned, rendered, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/pinned-reports/" + history + ".txt")) {
            String expected = new String(Objects.requireNonNull(in, history).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rendered).isEqualTo(expected);
        }
    }

    private static String render(String history) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ReportPeriod period : periods(history)) {
            ReportInputs inputs = inputs(history, period);
            out.append("=== checks at ").append(period).append('\n')
                    .append(JSON.writeValueAsString(ConsistencyChecks.evaluate(inputs))).append('\n');
            for (String name : ReportTables.all().keySet()) {
                for (Scale scale : Scale.values()) {
                    Report report = report(name, inputs, period, scale);
                    out.append("=== ").append(name).append(' ').append(scale).append(" at ").append(period).append('\n')
                            .append(JSON.writeValueAsString(ReportJson.of(report))).append('\n')
                            .append(ReportCsv.write(report)).append('\n')
                            .append(FormHtml.write(report)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static Report report(String name, ReportInputs inputs, ReportPeriod period, Scale scale) {
        ReportTable table = ReportTables.byName(name).orElseThrow();
        return new Report(table, "430001", 2023, period.asOf(), period.knownAt(), scale, table.rows(inputs));
    }

    private static List<ReportPeriod> periods(String history) {
        ReportPeriod yearEnd = new ReportPeriod(LocalDate.of(2023, 12, 31), Instant.parse("2024-06-30T00:00:00Z"));
        return history.equals("random-1")
                ? List.of(yearEnd, new ReportPeriod(LocalDate.of(2023, 6, 30), Instant.parse("2023-09-30T00:00:00Z")))
                : List.of(yearEnd);
    }

    private static ReportInputs inputs(String history, ReportPeriod period) {
        return switch (history) {
            case "example" -> new ExampleUnitYear().inputs(period);
            case "hostile-names" -> new ReportInputs(List.of(
                    new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "a, \"b\"\nc (d) e",
                            LineOrigin.APPROPRIATION, 123_456_789),
                    new FactSum(Measure.EXPENDITURE, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "30201",
                            "a, \"b\"\nc (d) e", LineOrigin.APPROPRIATION, 1_234_567),
                    new FactSum(Measure.BUDGET, Fund.OTHER, "2080505", Kind.PROJECT, null, " lead\rtrail ",
                            LineOrigin.APPROPRIATION, -5),
                    new FactSum(Measure.BUDGET, Fund.OTHER, "2080505", Kind.PROJECT, null, "+1;-2 %&!#'",
                            LineOrigin.CARRY_OVER, 0)), Map.of());
            default -> {
                long seed = Long.parseLong(history.substring("random-".length()));
                List<Delivered> events = RandomHistories.of("P" + seed, seed * 7919, 1, 300);
                List<Fact> facts = new ArrayList<>();
                List<LimitSetting> limits = new ArrayList<>();
                for (Delivered delivered : events) {
                    facts.addAll(FactsOfEvent.of(delivered.envelope(), delivered.event()));
                    if (delivered.event() instanceof ThreePublicLimitSet limit) {
                        limits.add(LimitSetting.of(delivered.envelope(), limit));
                    }
                }
                yield ReportInputs.of(facts, limits, period);
            }
        };
    }
}
