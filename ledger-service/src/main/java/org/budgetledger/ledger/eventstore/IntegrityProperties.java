package org.budgetledger.ledger.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code budgetledger.integrity.*}: the ledger's sealing key ({@link IntegrityKey}).
 *
 * @param key     the key in base64; when blank, it is read from {@code keyFile}
 * @param keyFile the file that holds the key, created with a random key (owner-only) on first use
 */
@ConfigurationProperties("budgetledger.integrity")
public record IntegrityProperties(@DefaultValue("") String key, @DefaultValue("integrity.key") Path keyFile) {
}
