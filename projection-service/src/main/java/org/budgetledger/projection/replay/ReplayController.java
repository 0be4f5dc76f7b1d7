package org.budgetledger.projection.replay;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.reports.ReportPeriod;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    /** 202 with the replay's id and URL; 409 while another replay runs. A replay of all units needs all units. */
    @PostMapping("/api/v1/audit/replays")
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) Replays.Request request) {
        Replays.Request asked = request == null ? new Replays.Request(null, null, null) : request;
        ReportPeriod.requireInCalendar(asked.year(), null, asked.knownAt());
        Caller caller = Caller.current();
        if (asked.unit() != null) {
            caller.requireReadable(asked.unit(), "unit " + asked.unit());
        } else if (!caller.seesUnit(Caller.ALL_UNITS)) {
            throw new ApiProblem(ProblemCode.FORBIDDEN, "a replay of every unit needs access to every unit; name a unit");
        }
        Replay replay = replays.start(asked);
        String url = "/api/v1/audit/replays/" + replay.id();
        return ResponseEntity.accepted().location(URI.create(url)).body(Map.of("id", replay.id(), "url", url));
    }

    @GetMapping("/api/v1/audit/replays/{id}")
    Replay replay(@PathVariable String id) {
        Caller caller = Caller.current();
        Replay replay = replays.find(id).orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no replay " + id));
        if (replay.unit() == null ? !caller.seesUnit(Caller.ALL_UNITS) : !caller.seesUnit(replay.unit())) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no replay " + id);
        }
        return replay;
    }
}
