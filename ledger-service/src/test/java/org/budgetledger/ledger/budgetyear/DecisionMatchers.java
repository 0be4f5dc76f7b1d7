package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.decision.Decision;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** What a budget year's command handler answered, for Axon's fixtures. */
final class DecisionMatchers {

    private DecisionMatchers() {
    }

    /** A rejection with this code. */
    static Matcher<Decision> rejected(ProblemCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Decision decision) {
                return decision instanceof Decision.Rejected rejected && rejected.rejection().code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected with " + code);
            }
        };
    }

    /** An acceptance, creating this line (or none). */
    static Matcher<Decision> accepted(String lineId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Decision decision) {
                return decision instanceof Decision.Accepted accepted && Objects.equals(accepted.lineId(), lineId);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("accepted, creating line " + lineId);
            }
        };
    }
}
