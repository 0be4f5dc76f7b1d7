package org.budgetledger.embedded;

import org.budgetledger.contracts.integrity.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL's roles, one per role, generated on first use and kept in a
 * properties file only its owner may read. They are never logged.
 */
final class GeneratedPasswords {

    private static final Logger log = LoggerFactory.getLogger(GeneratedPasswords.class);
    /** 24 random bytes: 192 bits, 32 characters of URL-safe base64 (no quoting needed anywhere). */
    private static final int PASSWORD_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties passwords = new Properties();

    private GeneratedPasswords(Path file) {
        this.file = file;
    }

    /** The passwords kept in the file, if it exists; a file others could read is first made owner-only. */
    static GeneratedPasswords in(Path file) {
        GeneratedPasswords kept = new GeneratedPasswords(file);
        try {
            if (Files.exists(file)) {
                if (SecretFile.restrictToOwner(file)) {
                    log.warn("event=database_passwords_permissions_restricted path={} note=\"others could read the file: it is "
                            + "now owner-only\"", file.toAbsolutePath());
                }
                kept.passwords.load(new StringReader(Files.readString(file)));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the database passwords in " + file, failed);
        }
        return kept;
    }

    static String generate() {
        byte[] random = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    boolean exists() {
        return Files.exists(file);
    }

    Path file() {
        return file;
    }

    /** The role's password, generated and written to the file (before anyone uses it) if it has none yet. */
    synchronized String of(String role) {
        String password = passwords.getProperty(role);
        if (password == null) {
            password = generate();
            passwords.setProperty(role, password);
            try {
                StringWriter text = new StringWriter();
                passwords.store(text, "passwords of the embedded PostgreSQL's roles, generated on first start; keep this file "
                        + "owner-only");
                SecretFile.write(file, text.toString());
            } catch (IOException failed) {
                throw new UncheckedIOException("could not keep the database passwords in " + file, failed);
            }
        }
        return password;
    }
}
