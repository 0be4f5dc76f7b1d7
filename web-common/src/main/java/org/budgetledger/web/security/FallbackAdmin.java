package org.budgetledger.web.security;

/**
 * Supplies the password of an {@code admin} user when no user is configured. Only the standalone launcher
 * provides one; a service deployed on its own with no users admits no one by password.
 */
public interface FallbackAdmin {

    String NAME = "admin";

    /** The password, encoded with its {@code {id}} prefix. */
    String encodedPassword();
}
