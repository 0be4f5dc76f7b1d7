package org.budgetledger.ledger.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Tag(name = "Units (预算单位)")
@RestController
class UnitController {

    private final Units units;
    private final UnitRegister register;
    private final RegisteredUnitTree tree;

    UnitController(Units units, UnitRegister register, RegisteredUnitTree tree) {
        this.units = units;
        this.register = register;
        this.tree = tree;
    }

    @Operation(summary = "Register a budget unit (登记预算单位)", description = """
            code: 1–32 characters of 0-9, A-Z, a-z, _ and -; name: at most 200 characters; parent: a registered unit \
            (上级单位 / 主管部门), none for a unit at the top; type: ADMINISTRATIVE, CIVIL_SERVICE_MANAGED, \
            PUBLIC_SERVICE_1, PUBLIC_SERVICE_2, SELF_FUNDED or OTHER (the default). Recorded as a UnitRegistered event.""")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: a field is wrong; `UNKNOWN_UNIT`: no such parent")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN")
    @ApiResponse(responseCode = "409", description = "`DUPLICATE_CODE`: the code is registered already")
    @ApiResponse(responseCode = "422", description = "`UNIT_CYCLE`: the unit would be its own ancestor; "
            + "`UNIT_TOO_DEEP`: a chain of more than 8 units")
    @PostMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Unit register(@RequestBody UnitRequests.Registration registration) {
        return register.register(registration.checked(), Caller.current());
    }

    @Operation(summary = "Rename, regrade or move a unit from a date on (单位变更)", description = """
            Gives only what changes (name, parent, type) and the date it holds from (effective). A null or absent \
            field keeps its value: v2 cannot detach a unit to the top. Recorded as a UnitChanged event; answers the \
            unit as of the effective date.""")
    @Parameter(name = "code", description = "the unit's code")
    @ApiResponse(responseCode = "200", description = "Changed: the unit as of the effective date")
    @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: no effective date, nothing to change, or "
            + "nothing different from what holds then; `UNKNOWN_UNIT`: no such parent")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN of the unit")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such unit")
    @ApiResponse(responseCode = "422", description = "`UNIT_CYCLE` or `UNIT_TOO_DEEP` on some date from the effective date on")
    @PatchMapping(path = "/api/v1/units/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    Unit change(@PathVariable String code, @RequestBody UnitRequests.Change change) {
        return register.change(change.checked(code), Caller.current());
    }

    @Operation(summary = "A unit as of a date, with its history (单位及其变更)")
    @Parameter(name = "code", description = "the unit's code")
    @Parameter(name = "asOf", description = "the date the attributes hold on (default: today)")
    @ApiResponse(responseCode = "200", description = "The unit and its registration and changes")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such unit, or one the caller may not read")
    @GetMapping(path = "/api/v1/units/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    UnitView one(@PathVariable String code,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        UnitRecords records = units.records();
        if (!records.exists(code) || !tree.access().reads(Caller.current(), code)) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no unit " + code);
        }
        return UnitView.of(records, code, asOf == null ? tree.today() : asOf);
    }

    @Operation(summary = "List the units the caller may read (预算单位列表)",
            description = "Each with its name, parent and type as of today; a grant of a unit reads its whole department.")
    @ApiResponse(responseCode = "200", description = "The units, in order of code")
    @GetMapping("/api/v1/units")
    List<Unit> all() {
        List<Unit> all = units.records().allAt(tree.today());
        Set<String> read = new HashSet<>(tree.readBy(Caller.current(), all.stream().map(Unit::code).toList()));
        return all.stream().filter(unit -> read.contains(unit.code())).toList();
    }
}
