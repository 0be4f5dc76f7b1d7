package org.budgetledger.web.security;

/** The roles of SPEC §10. */
public enum Role {
    /** Posts transactions for its units, and reads their budget lines and transactions. */
    CLERK,
    /** Reads the reports of its units. */
    VIEWER,
    /** Reads the reports and the history of its units; runs replays and verification. */
    AUDITOR,
    /** Everything, including units, the catalog and CARRY_OVER. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
