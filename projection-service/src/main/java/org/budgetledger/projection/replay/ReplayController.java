package org.budgetledger.projection.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@Tag(name = "Audit (审计)")
@RestController
class ReplayController {

    private final Replays replays;
    /** A grant of a unit reads its department (SPEC §13): the replays of its units too. */
    private final UnitAccess access;

    ReplayController(Replays replays, UnitAccess access) {
        this.replays = replays;
        this.access = access;
    }

    /** 202 with the replay's id and URL; it waits its turn behind earlier ones. A replay of all units needs all units. */
    @Operation(summary = "Replay the history into a scratch read model and compare (重放核对)", description = """
            Reads the event topic from its first offset into an isolated read model and compares it, cell by cell, \
            with the live one, for a unit (and year) or for every unit; the live projection keeps serving. \
            The body is optional; knownAt compares the projections as known at that instant. One replay runs at a \
            time; a later one waits its turn (up to 8 wait).""")
    @ApiResponse(responseCode = "202", description = "Started: its id and URL (also in Location)")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN; a replay of every unit needs every unit")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no unit the caller may read")
    @ApiResponse(responseCode = "409", description = "`REPLAY_RUNNING`: 8 replays are waiting already; ask again later")
    @PostMapping(path = "/api/v1/audit/replays", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) Replays.Request request) {
        Replays.Request asked = request == null ? new Replays.Request(null, null, null) : request;
        ReportPeriod.requireInCalendar(asked.year(), null, asked.knownAt());
        Caller caller = Caller.current();
        if (asked.unit() != null) {
            access.requireReadable(caller, asked.unit(), "unit " + asked.unit());
        } else if (!caller.seesUnit(Caller.ALL_UNITS)) {
            throw new ApiProblem(ProblemCode.FORBIDDEN, "a replay of every unit needs access to every unit; name a unit");
        }
        Replay replay = replays.start(asked);
        String url = "/api/v1/audit/replays/" + replay.id();
        return ResponseEntity.accepted().location(URI.create(url)).body(Map.of("id", replay.id(), "url", url));
    }

    @Operation(summary = "A replay's progress, then its result (重放进度与结果)",
            description = "RUNNING with processed, total, eventsPerSecond and etaSeconds (while it waits its turn: "
                    + "queuePosition, 1 being next, and nothing processed); then SUCCEEDED with identical "
                    + "and the differing cells (of every table, and of every commitment: table commitments, row its "
                    + "id, columns amount, paid, released, open, schedule at 31 December and carriedOver on 1 January "
                    + "after), or FAILED with the error.")
    @Parameter(name = "id", description = "the replay's id, from the answer that started it")
    @ApiResponse(responseCode = "200", description = "The replay")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs AUDITOR or ADMIN")
    @ApiResponse(responseCode = "404", description = "`NOT_FOUND`: no such replay of a unit the caller may read")
    @GetMapping("/api/v1/audit/replays/{id}")
    Replay replay(@PathVariable String id) {
        Caller caller = Caller.current();
        Replay replay = replays.find(id).orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no replay " + id));
        if (replay.unit() == null ? !caller.seesUnit(Caller.ALL_UNITS) : !access.reads(caller, replay.unit())) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no replay " + id);
        }
        return replay;
    }
}
