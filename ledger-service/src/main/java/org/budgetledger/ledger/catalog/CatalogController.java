package org.budgetledger.ledger.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** The catalog over HTTP: everyone reads it; adding a code needs its parent (a 款 its 类, a 项 its 款). */
@Tag(name = "Catalog (科目)")
@RestController
class CatalogController {

    private static final Logger log = LoggerFactory.getLogger(CatalogController.class);
    private static final Pattern SUBJECT = Pattern.compile("\\d{3}|\\d{5}|\\d{7}");
    private static final Pattern ECONOMIC = Pattern.compile("\\d{3}|\\d{5}");
    private static final int NAME_LENGTH_MAX = 200;

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the functional subjects (支出功能分类科目)", description = "类 (3 digits), 款 (5) and 项 (7), in code order.")
    @ApiResponse(responseCode = "200", description = "Every subject")
    @GetMapping("/api/v1/catalog/subjects")
    List<CatalogEntry> subjects() {
        return catalog.all(Catalog.Kind.SUBJECTS);
    }

    @Operation(summary = "List the economic classification codes (支出经济分类科目)",
            description = "Groups (3 digits) and codes (5), in code order.")
    @ApiResponse(responseCode = "200", description = "Every economic code")
    @GetMapping("/api/v1/catalog/economic")
    List<CatalogEntry> economic() {
        return catalog.all(Catalog.Kind.ECONOMIC);
    }

    @Operation(summary = "Add a functional subject (新增功能分类科目)",
            description = "A 3-digit 类, 5-digit 款 or 7-digit 项; a 款 needs its 类 and a 项 its 款 in the catalog first.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN")
    @ApiResponse(responseCode = "409", description = "`DUPLICATE_CODE`: the code exists already")
    @PostMapping(path = "/api/v1/catalog/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CatalogEntry addSubject(@RequestBody CatalogEntry entry) {
        return add(Catalog.Kind.SUBJECTS, entry, SUBJECT, "a 3-digit 类, 5-digit 款 or 7-digit 项 code");
    }

    @Operation(summary = "Add an economic classification code (新增经济分类科目)",
            description = "A 3-digit group or a 5-digit code; a code needs its group in the catalog first.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN")
    @ApiResponse(responseCode = "409", description = "`DUPLICATE_CODE`: the code exists already")
    @PostMapping(path = "/api/v1/catalog/economic", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CatalogEntry addEconomic(@RequestBody CatalogEntry entry) {
        return add(Catalog.Kind.ECONOMIC, entry, ECONOMIC, "a 3-digit group or 5-digit economic code");
    }

    private CatalogEntry add(Catalog.Kind kind, CatalogEntry entry, Pattern format, String expected) {
        if (entry.code() == null || !format.matcher(entry.code()).matches()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "code must be " + expected,
                    List.of(new FieldError("code", "must be " + expected)));
        }
        if (entry.name() == null || entry.name().isBlank() || entry.name().length() > NAME_LENGTH_MAX) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "name is required, at most " + NAME_LENGTH_MAX + " characters",
                    List.of(new FieldError("name", "required, at most " + NAME_LENGTH_MAX + " characters")));
        }
        if (entry.code().length() > 3) {
            String parent = entry.code().substring(0, entry.code().length() - 2);
            if (!catalog.exists(kind, parent)) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "code " + entry.code() + " needs its parent " + parent
                        + " in the catalog first", List.of(new FieldError("code", "parent " + parent + " missing")));
            }
        }
        long sequence = catalog.add(kind, entry, Caller.current().name()).orElseThrow(
                () -> new ApiProblem(ProblemCode.DUPLICATE_CODE, "code " + entry.code() + " exists already"));
        log.info("event=catalog_code_added catalog={} code={} sequence={}", kind, entry.code(), sequence);
        return entry;
    }
}
