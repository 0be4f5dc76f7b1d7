package org.budgetledger.projection.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.api.ReportRequests;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** SPEC §15: a unit-year's whole 部门决算 publication, generated. */
@Tag(name = "Publication (部门决算公开文本)")
@RestController
class PublicationController {

    private static final Logger log = LoggerFactory.getLogger(PublicationController.class);
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final PublicationAssembler assembler;
    private final UnitAccess access;
    private final ReportRequests requests;

    PublicationController(PublicationAssembler assembler, UnitAccess access, ReportRequests requests) {
        this.assembler = assembler;
        this.access = access;
        this.requests = requests;
    }

    @Operation(summary = "The whole 部门决算 publication of a unit-year (部门决算公开文本)", description = """
            The publication in the structure of the published reports (SPEC §15): 目录; 第一部分 概况 (the profile's \
            职责 and 机构设置, the department's units); 第二部分 the nine 公开表 in their official layout; 第三部分 情况说明, \
            every number computed from the same tables (totals, shares, 较上年 against year − 1 in the ledger or the \
            reference tables, 三公 with counts, 会议费/培训费, 政府采购, 国有资产, 绩效), marked blanks where only a person \
            knows the reason; 第四部分 名词解释; 第五部分 the execution tables of the 绩效自评. Every page states asOf, \
            knownAt and the ledger position it was computed from. html prints on A4 from a browser; docx opens in \
            Word and LibreOffice; json is the same document for the web UI.""")
    @Parameter(name = "unit", description = "the unit's code")
    @Parameter(name = "year", description = "the budget year")
    @Parameter(name = "asOf", description = "effective date the tables are computed at (default 31 Dec of the year, or today while it runs)")
    @Parameter(name = "knownAt", description = "recording instant the tables, profile and reference are known at (default now)")
    @Parameter(name = "minSequence", description = "answer 409 NOT_YET_APPLIED until the projection has applied this sequence")
    @Parameter(name = "wait", description = "with minSequence: how long to wait for it first, e.g. PT5S (at most PT10S)")
    @ApiResponse(responseCode = "200", description = "The publication, in the format asked for")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: format, scope, asOf or knownAt malformed")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs VIEWER, AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`NOT_YET_APPLIED`: minSequence is not applied yet (after wait)")
    @GetMapping(path = "/api/v1/publications/{unit}/{year}", produces = {MediaType.TEXT_HTML_VALUE,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> publication(@PathVariable String unit, @PathVariable int year,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(required = false) Instant knownAt,
                                  @Parameter(description = "html (prints on A4), docx (Word, LibreOffice) or json (the web UI's)",
                                          schema = @Schema(allowableValues = {"html", "docx", "json"}))
                                  @RequestParam(defaultValue = "html") String format,
                                  @Parameter(description = "department (the unit and its descendants, consolidated; the default) or unit (本级)",
                                          schema = @Schema(allowableValues = {"department", "unit"}))
                                  @RequestParam(defaultValue = "department") String scope,
                                  @RequestParam(required = false) Long minSequence,
                                  @RequestParam(required = false) String wait) {
        access.requireReadable(Caller.current(), unit, "the publication of unit " + unit);
        Scope publicationScope = ReportRequests.parseScope(scope);
        if (!List.of("html", "docx", "json").contains(format)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "format must be html, docx or json",
                    List.of(new FieldError("format", "html, docx or json")));
        }
        ReportPeriod period = requests.period(year, asOf, knownAt);
        requests.requireApplied(unit, year, scope, minSequence, wait, List.of(period));
        long started = System.nanoTime();
        Publication publication = assembler.assemble(Caller.current(), unit, year, publicationScope, period);
        ResponseEntity<?> answer = switch (format) {
            case "docx" -> ResponseEntity.ok().contentType(DOCX)
                    .header("Content-Disposition", attachment(publication, "docx")).body(PublicationDocx.write(publication));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PublicationJson.of(publication));
            default -> {
                PublicationHtml.Document document = PublicationHtml.write(publication);
                yield ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", document.contentSecurityPolicy())
                        .header("Content-Disposition", ContentDisposition.inline().filename(fileName(publication, "html"),
                                StandardCharsets.UTF_8).build().toString())
                        .body(document.html());
            }
        };
        log.info("event=publication_generated unit={} year={} scope={} format={} blanks_open={} millis={}", unit, year,
                publicationScope.parameterValue(), format, publication.blanks().stream().filter(Segment.Blank::open).count(),
                (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    private static String attachment(Publication publication, String extension) {
        return ContentDisposition.attachment().filename(fileName(publication, extension), StandardCharsets.UTF_8).build().toString();
    }

    private static String fileName(Publication publication, String extension) {
        return publication.unit() + "-" + publication.unitName() + "-" + publication.year() + "-部门决算公开文本." + extension;
    }
}
