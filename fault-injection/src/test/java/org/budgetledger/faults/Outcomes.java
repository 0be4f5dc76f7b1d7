package org.budgetledger.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** What the clients were finally told about each transaction id. */
final class Outcomes {

    enum Kind {
        /** 201, or 200 for a retry of something already accepted */
        ACKNOWLEDGED,
        /** a 4xx answer: the transaction was refused and must leave no trace */
        REJECTED,
        /** no definitive answer before the client gave up */
        UNKNOWN
    }

    private final Map<String, Kind> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> rejectionCodes = new ConcurrentHashMap<>();

    void record(String id, Kind kind, String code) {
        byId.put(id, kind);
        if (kind == Kind.REJECTED) {
            rejectionCodes.merge(code, 1, Integer::sum);
        }
    }

    Set<String> ids(Kind kind) {
        return byId.entrySet().stream().filter(entry -> entry.getValue() == kind).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    int decided() {
        return byId.size();
    }

    Map<String, Integer> rejectionCodes() {
        return Map.copyOf(rejectionCodes);
    }
}
