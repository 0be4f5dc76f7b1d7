package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) re-process parked records after deploying a version that can read them. */
@Tag(name = "Operations (运维)")
@RestController
class ParkedEventController {

    private final ParkedEvents parked;
    private final ReadModelWriter writer;
    private final EventValueReader wireEvents;

    ParkedEventController(ParkedEvents parked, ReadModelWriter writer, ObjectMapper json) {
        this.parked = parked;
        this.writer = writer;
        this.wireEvents = new EventValueReader(json);
    }

    @Operation(summary = "Apply the parked topic records again (重新处理搁置事件)", description = """
            Records the projection could not read were parked, not lost; after deploying a version that reads \
            them, this applies every parked record it can now read, in order, and says how many remain. Then the \
            events held behind unit-years stopped at an event that could not be applied (health: stoppedUnitYears), \
            in order, as far as each unit-year can now be applied.""")
    @ApiResponse(responseCode = "200", description = "How many were applied and how many remain parked")
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN`: needs ADMIN")
    @PostMapping(path = "/api/v1/projection/parked-events:reprocess", produces = MediaType.APPLICATION_JSON_VALUE)
    ParkedEvents.Reprocessed reprocess() {
        return parked.reprocess(wireEvents, writer);
    }
}
