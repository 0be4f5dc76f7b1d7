package org.budgetledger.standalone;

import org.budgetledger.web.security.FallbackAdmin;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * With no user configured, the launcher admits {@code admin} with a random password, printed once on the
 * console (never logged) and kept in memory only as a bcrypt hash. It changes at every start; configure
 * {@code ledger.security.users.*} for lasting users.
 */
@Component
class GeneratedAdmin implements FallbackAdmin {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;

    @Override
    public String encodedPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        System.out.printf("%n  No user is configured: log in as \"%s\" with password %s%n"
                + "  (shown once; configure ledger.security.users.<name>.password|roles|units to replace it)%n%n",
                NAME, password);
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
    }
}
