package org.budgetledger.ledger.catalog;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** The catalog over HTTP: everyone reads it; adding a code needs its parent (a 款 its 类, a 项 its 款). */
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

    @GetMapping("/api/v1/catalog/subjects")
    List<CatalogEntry> subjects() {
        return catalog.all(Catalog.Kind.SUBJECTS);
    }

    @GetMapping("/api/v1/catalog/economic")
    List<CatalogEntry> economic() {
        return catalog.all(Catalog.Kind.ECONOMIC);
    }

    @PostMapping("/api/v1/catalog/subjects")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogEntry addSubject(@RequestBody CatalogEntry entry) {
        return add(Catalog.Kind.SUBJECTS, entry, SUBJECT, "a 3-digit 类, 5-digit 款 or 7-digit 项 code");
    }

    @PostMapping("/api/v1/catalog/economic")
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
        if (!catalog.add(kind, entry)) {
            throw new ApiProblem(ProblemCode.DUPLICATE_CODE, "code " + entry.code() + " exists already");
        }
        log.info("event=catalog_code_added catalog={} code={}", kind, entry.code());
        return entry;
    }
}
