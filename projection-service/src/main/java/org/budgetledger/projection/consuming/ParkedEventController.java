package org.budgetledger.projection.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.projection.readmodel.ReadModelWriter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators (ADMIN) re-process parked records after deploying a version that can read them. */
@RestController
class ParkedEventController {

    private final ParkedEvents parked;
    private final ReadModelWriter writer;
    private final WireEvents wireEvents;

    ParkedEventController(ParkedEvents parked, ReadModelWriter writer, ObjectMapper json) {
        this.parked = parked;
        this.writer = writer;
        this.wireEvents = new WireEvents(json);
    }

    @PostMapping("/api/v1/projection/parked-events:reprocess")
    ParkedEvents.Reprocessed reprocess() {
        return parked.reprocess(wireEvents, writer);
    }
}
