package org.budgetledger.web.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials already verified against a configured user, so that a client sending the same name and
 * password on every request is not checked again each time (a {@code {bcrypt}} password costs tens of
 * milliseconds of CPU per check). The configured users do not change while the service runs, so a pair that
 * matched once matches for good.
 *
 * <p>Safe to keep: only an HMAC-SHA-256 of the name and password is held, never the password, under a key drawn
 * at random when the service starts and never stored (so that a heap dump gives no fast hash to guess passwords
 * against, as a plain SHA-256 would); only pairs that
 * matched; at most {@link #ENTRIES_MAX} (then it starts again empty); nothing of it is logged. The lock-out
 * ({@link LoginThrottle}) is checked before it, as before any check of a password.
 */
final class VerifiedCredentials {

    static final int ENTRIES_MAX = 1_000;

    /** What a verified pair stands for: the user, without a password, and its authorities. */
    private record Verified(User user, List<GrantedAuthority> authorities) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    VerifiedCredentials() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** The authentication of a login whose name and password were verified before, with this login's details. */
    Optional<Authentication> find(Authentication login) {
        String key = key(login);
        Verified known = key == null ? null : verified.get(key);
        // the name too: a name ending in the bytes another pair's password begins with hashes alike
        if (known == null || !known.user().getUsername().equals(login.getName())) {
            return Optional.empty();
        }
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
                known.user(), null, known.authorities());
        authenticated.setDetails(login.getDetails());
        return Optional.of(authenticated);
    }

    /** Remembers a login that was verified, as its result says: who it is and what it may do. */
    void remember(Authentication login, Authentication result) {
        String key = key(login);
        if (key == null || !result.isAuthenticated() || !result.getName().equals(login.getName())) {
            return;
        }
        if (verified.size() >= ENTRIES_MAX) {
            verified.clear();
        }
        Collection<? extends GrantedAuthority> authorities = result.getAuthorities();
        verified.put(key, new Verified(new User(result.getName(), "", authorities), List.copyOf(authorities)));
    }

    int size() {
        return verified.size();
    }

    /** HMAC-SHA-256 of the name and the password; null for a login that carries no password. */
    private String key(Authentication login) {
        if (!(login instanceof UsernamePasswordAuthenticationToken) || !(login.getCredentials() instanceof String password)) {
            return null;
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(login.getName().getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            hmac.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hmac.doFinal());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
        }
    }
}
