package org.budgetledger.ledger.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The ledger service's settings under {@code budgetledger.*} (README, settings). The defaults are in
 * {@code budgetledger/ledger.properties}, or here where a setting is optional. What both services share is
 * the platform's ({@code PlatformSettings}: events, database) and web-common's ({@code WebSettings}: security,
 * http). In a package of its own, so that every package may read it and it reads none of them.
 *
 * @param ledger    {@code budgetledger.ledger.*}
 * @param integrity {@code budgetledger.integrity.*}
 * @param publisher {@code budgetledger.publisher.*}
 */
@ConfigurationProperties("budgetledger")
public record LedgerSettings(Ledger ledger, @DefaultValue Integrity integrity, Publisher publisher) {

    /**
     * How budget years are kept in memory and loaded (the budget year's storage configuration).
     *
     * @param budgetYearCacheEntries  budget years kept in memory, most recently used first
     * @param budgetYearSnapshotEvents events between two snapshots of a budget year; {@code 0} takes none
     */
    public record Ledger(long budgetYearCacheEntries, int budgetYearSnapshotEvents) {
    }

    /**
     * The ledger's sealing key ({@code IntegrityKey}) and the key that signs its digests ({@code SigningKeys}, SPEC §16).
     *
     * @param key            the key in base64; when blank, it is read from {@code keyFile}
     * @param keyFile        the file that holds the key, created with a random key (owner-only) on first use
     * @param signingKeyFile the Ed25519 key that signs digests (PEM: private and public key), created (owner-only) on
     *                       first use; a new one after the old one is moved away is a rotation
     * @param publicKeysFile every public key the ledger has signed with, one a line, the current one added at start
     *                       if missing and none ever removed: what {@code GET /api/v1/audit/keys} lists
     * @param digestInterval how often the scheduled signer signs a digest of the tree when it grew since the last
     *                       one signed (each kept and published to {@code budgetledger.digests.topic})
     */
    public record Integrity(@DefaultValue("") String key, @DefaultValue("integrity.key") Path keyFile,
                            @DefaultValue("signing-key.pem") Path signingKeyFile,
                            @DefaultValue("signing-keys.pub") Path publicKeysFile,
                            @DefaultValue("PT30S") Duration digestInterval) {
    }

    /**
     * The publisher of events to the topic.
     *
     * @param idlePollMillis   pause between polls of the event store when nothing new was found
     * @param batchSize        events sent per round (a round ends with a flush and a stored position)
     * @param backoffMaxMillis longest pause between retries while the broker or database is unreachable
     * @param gatherMillis     under load, the least time between the starts of two rounds: a round that found fewer
     *                         than {@code batchSize} events waits for the rest of it before the next read
     *                         ({@code PublishingPace}); 0 reads again at once
     */
    public record Publisher(long idlePollMillis, int batchSize, long backoffMaxMillis, long gatherMillis) {
    }
}
