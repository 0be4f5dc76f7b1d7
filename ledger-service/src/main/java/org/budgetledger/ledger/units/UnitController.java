package org.budgetledger.ledger.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@Tag(name = "Units (预算单位)")
@RestController
class UnitController {

    private static final Logger log = LoggerFactory.getLogger(UnitController.class);
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final int NAME_LENGTH_MAX = 200;

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @Operation(summary = "Register a budget unit (登记预算单位)",
            description = "code: 1–32 characters of 0-9, A-Z, a-z, _ and -; name: at most 200 characters.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN")
    @ApiResponse(responseCode = "409", description = "`DUPLICATE_CODE`: the code is registered already")
    @PostMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Unit register(@RequestBody Unit unit) {
        List<FieldError> errors = new ArrayList<>();
        if (unit.code() == null || !CODE.matcher(unit.code()).matches()) {
            errors.add(new FieldError("code", "1–32 characters of 0-9, A-Z, a-z, _ and -"));
        }
        if (unit.name() == null || unit.name().isBlank() || unit.name().length() > NAME_LENGTH_MAX) {
            errors.add(new FieldError("name", "required, at most " + NAME_LENGTH_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the unit is not valid", errors);
        }
        if (!units.register(unit)) {
            throw new ApiProblem(ProblemCode.DUPLICATE_CODE, "unit " + unit.code() + " is registered already");
        }
        log.info("event=unit_registered unit={}", unit.code());
        return unit;
    }

    @Operation(summary = "List the units the caller may see (预算单位列表)")
    @ApiResponse(responseCode = "200", description = "The units, in order of code")
    @GetMapping("/api/v1/units")
    List<Unit> all() {
        Caller caller = Caller.current();
        return units.all().stream().filter(unit -> caller.seesUnit(unit.code())).toList();
    }
}
