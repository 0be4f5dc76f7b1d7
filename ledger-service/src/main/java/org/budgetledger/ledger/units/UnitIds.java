package org.budgetledger.ledger.units;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;

import java.util.List;
import java.util.function.Function;

/**
 * SPEC §4 v2: the id of a transaction, and so of the budget line it created, is unique within its unit only;
 * another unit may have used the same id.
 */
public final class UnitIds {

    private UnitIds() {
    }

    /**
     * Which of the records with one id a caller asks for: the one of {@code unit}, or, when no unit is given,
     * the only one of a unit the caller reads ({@code access}: a grant of a unit reads its department, SPEC §13).
     * Another unit's record is answered as if it did not exist (404); several the caller reads need the unit (400).
     *
     * @param what the record, as a 404 names it ("transaction a1")
     */
    public static <T> T resolve(List<T> withId, Function<T, String> unitOf, String unit, Caller caller, UnitAccess access,
                                String what) {
        List<T> visible = withId.stream()
                .filter(record -> access.reads(caller, unitOf.apply(record)))
                .filter(record -> unit == null || unit.equals(unitOf.apply(record)))
                .toList();
        if (visible.isEmpty()) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no " + what);
        }
        if (visible.size() > 1) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "units " + String.join(", ", visible.stream().map(unitOf).toList())
                    + " each have a " + what + "; name one with ?unit=", List.of(new FieldError("unit", "required: several units have this id")));
        }
        return visible.get(0);
    }
}
