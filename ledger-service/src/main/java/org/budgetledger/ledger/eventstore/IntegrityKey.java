package org.budgetledger.ledger.eventstore;

import org.budgetledger.contracts.integrity.SecretFile;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The ledger's sealing key: every stored event's hash is sealed with HMAC-SHA256 under it. The hash chain
 * alone shows any change inside the history, but someone who can write the database could append events
 * with correctly computed hashes; without this key, kept outside the database, they cannot seal them.
 * The key is {@code budgetledger.integrity.key} (base64) if set, else read from
 * {@code budgetledger.integrity.key-file}, which is created with a random key (owner-only) on first use; a key
 * file that others could read is made owner-only, with a warning.
 */
@Component
@EnableConfigurationProperties(LedgerSettings.class)
public class IntegrityKey {

    private static final Logger log = LoggerFactory.getLogger(IntegrityKey.class);
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    @Autowired
    IntegrityKey(LedgerSettings settings) {
        this(settings.integrity().key(), settings.integrity().keyFile());
    }

    IntegrityKey(String keyBase64, Path keyFile) {
        this.key = keyBase64.isBlank() ? fromFile(keyFile) : Base64.getDecoder().decode(keyBase64.trim());
        if (key.length < 16) {
            throw new IllegalStateException("budgetledger.integrity.key must be at least 16 bytes");
        }
    }

    public String seal(String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] fromFile(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                if (SecretFile.restrictToOwner(keyFile)) {
                    log.warn("event=integrity_key_permissions_restricted path={} note=\"others could read the key: it is now "
                            + "owner-only; if it may have been copied, see docs/OPERATIONS.md (threat model)\"", keyFile.toAbsolutePath());
                }
                return Base64.getDecoder().decode(Files.readString(keyFile).trim());
            }
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            SecretFile.write(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
            log.warn("event=integrity_key_created path={} note=\"keep it outside the database and back it up\"",
                    keyFile.toAbsolutePath());
            return fresh;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read or create the integrity key " + keyFile, failed);
        }
    }
}
