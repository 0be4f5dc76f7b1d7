package org.budgetledger.ledger.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.units.RegisteredUnitTree;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/** SPEC §16's archive of a unit-year: one file, checked offline by docs/verify-history.py, kept for 30 years. */
@Tag(name = "Audit (审计)")
@RestController
class ArchiveController {

    private static final Logger log = LoggerFactory.getLogger(ArchiveController.class);

    private final UnitYearArchive archive;
    private final UnitAccess access;

    ArchiveController(UnitYearArchive archive, RegisteredUnitTree unitTree) {
        this.archive = archive;
        this.access = unitTree.access();
    }

    @Operation(summary = "The archive of a unit-year (会计档案)", description = """
            One zip with the budget year's events as stored, each with its inclusion proof against one signed digest, \
            the digest, the public keys, the event schemas, a README and the verifier; its manifest is signed by the \
            ledger over the unit, year, tree size, number of events and their file's SHA-256. \
            `python3 verify-history.py archive FILE --public-key KEYS` exits 0 only when every event, proof and \
            signature in it holds, and otherwise names what is wrong.""")
    @Parameter(name = "unit", description = "the budget unit", required = true)
    @Parameter(name = "year", description = "the budget year, 2000 to 2100", required = true)
    @ApiResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: no year of 2000 to 2100")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no events of a unit the caller reads in that year")
    @GetMapping("/api/v1/audit/archive")
    ResponseEntity<StreamingResponseBody> archive(@RequestParam String unit, @RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "year must be 2000 to 2100", List.of(new FieldError("year", "2000 to 2100")));
        }
        access.requireReadable(Caller.current(), unit, "unit " + unit);
        if (!archive.hasEvents(unit, year)) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no events of unit " + unit + " in year " + year);
        }
        String caller = Caller.current().name();
        StreamingResponseBody body = out -> {
            archive.write(unit, year, out);
            log.info("event=archive_written unit={} year={} principal={}", unit, year, caller);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"budget-ledger-" + unit + "-" + year + ".zip\"")
                .body(body);
    }
}
