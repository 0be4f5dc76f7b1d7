package org.budgetledger.standalone;

import org.budgetledger.web.security.FallbackAdmin;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * With no user configured, the launcher admits {@code admin} with a random password, kept as a bcrypt hash;
 * the plain password is held only until the start-up banner prints it once on the console (never logged).
 * It changes at every start; configure {@code budgetledger.security.users.*} for lasting users.
 */
@Component
class GeneratedAdmin implements FallbackAdmin {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;

    private String notYetShown;

    @Override
    public synchronized String encodedPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        notYetShown = password.toString();
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
    }

    /** The generated password, once: empty if users are configured or it was shown already. */
    synchronized Optional<String> takePasswordToShow() {
        Optional<String> password = Optional.ofNullable(notYetShown);
        notYetShown = null;
        return password;
    }
}
