package org.budgetledger.projection.reports.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.Freshness;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.catalog.ReportTables;
import org.budgetledger.projection.reports.monitoring.ExecutionAlerts;
import org.budgetledger.projection.reports.monitoring.ExecutionProgress;
import org.budgetledger.projection.reports.monitoring.MonitoringInputs;
import org.budgetledger.projection.reports.monitoring.Thresholds;
import org.budgetledger.projection.reports.export.FormHtml;
import org.budgetledger.projection.reports.export.ReportCsv;
import org.budgetledger.projection.reports.export.ReportJson;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/**
 * The report endpoints in the OpenAPI description beyond their annotations. Their parameters mean the same
 * on every report operation, so they are described once, here, with the closed sets (tables, scales,
 * formats) taken from the code that decides them. The examples are real answers, computed by the tables,
 * checks and renderers themselves from {@link ExampleUnitYear}: they cannot drift from the real shape.
 */
@Component
class ReportApiDocs implements OpenApiCustomizer {

    private static final String REPORTS = "/api/v1/reports";
    private static final String REPORT = REPORTS + "/{unit}/{year}/{table}";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The formats ReportController's switch answers. */
    private static final List<String> FORMATS = List.of("json", "csv", "xlsx", "html");

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("unit", "the budget unit's code (预算单位代码)"),
            Map.entry("year", "the budget year (预算年度)"),
            Map.entry("table", "T01 … T09, the nine 部门决算公开表 (公开01表 … 公开09表), or execution (预算执行)"),
            Map.entry("asOf", "the effective date (业务日期) to report at: events effective on or before it count; "
                    + "default 31 December of the year, or today while the year runs"),
            Map.entry("knownAt", "the instant of knowledge: only events recorded at or before it count (default now); "
                    + "with asOf, the report as it could have been read then"),
            Map.entry("scale", "yuan: exact 元; wanyuan: 万元, each cell rounded half-up to two decimals, as the forms print"),
            Map.entry("format", "json; csv with the published tables' headers; xlsx in the official layout; html: that "
                    + "layout as a fragment"),
            Map.entry("minSequence", "answer only once the projection has applied this event sequence (e.g. the last one "
                    + "a POST answered); else 409 NOT_YET_APPLIED, or wait"),
            Map.entry("wait", "how long to wait for minSequence, an ISO-8601 duration up to " + Freshness.WAIT_MAX
                    + " (e.g. PT5S); default: no wait"),
            Map.entry("from", "the first month (yyyy-MM) of the year; default January"),
            Map.entry("to", "the last month (yyyy-MM) of the year; default December"),
            Map.entry("step", "month: a point at each month end (the only step)"),
            Map.entry("project", "one project, as the execution report names it ({unit}/{project} at department scope); "
                    + "default: the whole unit (or department)"),
            Map.entry("scope", "department (default): the unit and its descendants as of asOf, known at knownAt, "
                    + "consolidated, the flows between them left out (部门汇总); unit: the unit alone (本级). For a unit "
                    + "without descendants both are the same report"));

    /** The defaults of budgetledger.monitoring.* (README). */
    private static final Thresholds EXAMPLE_THRESHOLDS = new Thresholds(BigDecimal.valueOf(15), BigDecimal.valueOf(90));

    private final ObjectMapper json;

    ReportApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith(REPORTS)) {
                item.readOperations().forEach(ReportApiDocs::describeParameters);
            }
        });
        ApiDescription docs = new ApiDescription(api, json);
        reports(docs);
        docs.operation(GET, REPORTS + "/{unit}/{year}/workbook").map(operation -> operation.getResponses().get("200"))
                .ifPresent(ok -> ok.setContent(new Content().addMediaType(XLSX, new MediaType().schema(new BinarySchema()))));
        ExampleUnitYear history = new ExampleUnitYear();
        ReportPeriod yearEnd = new ReportPeriod(LocalDate.of(ExampleUnitYear.YEAR, 12, 31), ExampleUnitYear.KNOWN_AT);
        List<Check> checks = ConsistencyChecks.evaluate(history.inputs(yearEnd));
        Map<String, Object> checked = new LinkedHashMap<>();
        checked.put("unit", ExampleUnitYear.UNIT);
        checked.put("year", ExampleUnitYear.YEAR);
        checked.put("asOf", yearEnd.asOf());
        checked.put("knownAt", yearEnd.knownAt());
        checked.put("ok", checks.stream().allMatch(Check::ok));
        checked.put("checks", checks);
        docs.answer(GET, REPORTS + "/freshness", "200", "the last sequence applied", Map.of("sequence", 1042L))
                .answer(GET, REPORTS + "/{unit}/years", "200", "two years",
                        new ReportController.ReportedYears(ExampleUnitYear.UNIT, List.of(2022, 2023)))
                .answer(GET, REPORTS + "/{unit}/{year}/checks", "200", "every identity holds", checked)
                .answer(GET, REPORTS + "/{unit}/{year}/execution/series", "200", "month ends of the year (元)", series(history));
        monitoring(docs, history);
    }

    /** One answer per table, in JSON; the CSV of T02 and the official layout of T09 as HTML. */
    private void reports(ApiDescription docs) {
        docs.operation(GET, REPORT).map(operation -> operation.getResponses().get("200")).ifPresent(ok -> ok.setContent(
                new Content().addMediaType(ApiDescription.JSON, new MediaType().schema(docs.schemaOf(ReportJson.class)))
                        .addMediaType("text/csv", new MediaType().schema(new StringSchema()))
                        .addMediaType(XLSX, new MediaType().schema(new BinarySchema()))
                        .addMediaType("text/html", new MediaType().schema(new StringSchema()))));
        ReportInputs inputs = new ExampleUnitYear().inputs(new ReportPeriod(LocalDate.of(ExampleUnitYear.YEAR, 12, 31),
                ExampleUnitYear.KNOWN_AT));
        Map<String, Report> reports = new LinkedHashMap<>();
        ReportTables.all().forEach((name, table) -> reports.put(name, new Report(table, ExampleUnitYear.UNIT,
                ExampleUnitYear.YEAR, LocalDate.of(ExampleUnitYear.YEAR, 12, 31), ExampleUnitYear.KNOWN_AT,
                Scale.YUAN, table.rows(inputs), Scope.DEPARTMENT, ExampleUnitYear.UNIT_NAME)));
        reports.forEach((name, report) -> docs.answer(GET, REPORT, "200", name, ReportJson.of(report)));
        docs.answer(GET, REPORT, "200", "text/csv", "T02 as CSV", ReportCsv.write(reports.get("T02")))
                .answer(GET, REPORT, "200", "text/html", "T09 as HTML", FormHtml.write(reports.get("T09")));
    }

    private static ExecutionSeries series(ExampleUnitYear history) {
        List<ExecutionSeries.Point> points = new ArrayList<>();
        for (YearMonth month = YearMonth.of(ExampleUnitYear.YEAR, 1); month.getYear() == ExampleUnitYear.YEAR;
             month = month.plusMonths(1)) {
            ReportPeriod monthEnd = new ReportPeriod(month.atEndOfMonth(), ExampleUnitYear.KNOWN_AT);
            points.add(ProgressSeries.point(ExecutionProgress.at(ExampleUnitYear.YEAR, monthEnd.asOf(),
                    history.inputs(monthEnd), history.commitments(monthEnd), false, null), Scale.YUAN));
        }
        return new ExecutionSeries(ExampleUnitYear.UNIT, ExampleUnitYear.YEAR, ExampleUnitYear.KNOWN_AT,
                Scope.DEPARTMENT.parameterValue(), Scale.YUAN.parameterValue(), null, points);
    }

    /** The alerts and the commitments of the example at the end of October, with the default thresholds. */
    private static void monitoring(ApiDescription docs, ExampleUnitYear history) {
        ReportPeriod october = new ReportPeriod(LocalDate.of(ExampleUnitYear.YEAR, 10, 31), ExampleUnitYear.KNOWN_AT);
        MonitoringInputs inputs = history.monitoring(october);
        docs.answer(GET, REPORTS + "/{unit}/{year}/alerts", "200", "at the end of October (asOf=2023-10-31)",
                        ExecutionAlerts.of(inputs, EXAMPLE_THRESHOLDS))
                .answer(GET, REPORTS + "/{unit}/{year}/commitments", "200", "at the end of October (asOf=2023-10-31)",
                        inputs.commitments().stream().map(commitment -> ReportedCommitment.of(commitment, inputs)).toList());
    }

    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            String description = PARAMETERS.get(parameter.getName());
            if (description != null && (parameter.getDescription() == null || parameter.getDescription().isBlank())) {
                parameter.setDescription(description);
            }
            List<String> values = switch (parameter.getName()) {
                case "table" -> List.copyOf(ReportTables.all().keySet());
                case "scale" -> Arrays.stream(Scale.values()).map(Scale::parameterValue).toList();
                case "scope" -> Arrays.stream(Scope.values()).map(Scope::parameterValue).toList();
                case "format" -> FORMATS;
                case "step" -> List.of("month");
                default -> null;
            };
            if (values != null) {
                parameter.setSchema(ApiDescription.closedSet(parameter.getSchema(), values));
            }
        }
    }
}
