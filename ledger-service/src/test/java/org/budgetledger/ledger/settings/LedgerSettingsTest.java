package org.budgetledger.ledger.settings;

import org.budgetledger.platform.settings.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's settings keep the names and defaults of README's settings table. */
class LedgerSettingsTest {

    @Test
    void the_defaults_are_those_the_readme_lists() throws IOException {
        LedgerSettings ledger = bind(Map.of()).bindOrCreate("budgetledger", LedgerSettings.class);
        PlatformSettings platform = bind(Map.of()).bindOrCreate("budgetledger", PlatformSettings.class);

        assertThat(ledger.ledger()).isEqualTo(new LedgerSettings.Ledger(2000, 250));
        assertThat(ledger.integrity()).isEqualTo(new LedgerSettings.Integrity("", Path.of("integrity.key"),
                Path.of("signing-key.pem"), Path.of("signing-keys.pub"), Duration.ofSeconds(30)));
        assertThat(ledger.publisher()).isEqualTo(new LedgerSettings.Publisher(20, 1000, 5000, 10));
        assertThat(platform.events()).isEqualTo(new PlatformSettings.EventTopic("budget-ledger.events", 6, (short) 1));
        assertThat(platform.database()).isEqualTo(new PlatformSettings.Database("", ""));
        assertThat(platform.digests()).isEqualTo(new PlatformSettings.DigestTopic("budget-ledger.digests"));
    }

    @Test
    void each_setting_is_read_under_its_documented_name() throws IOException {
        Binder binder = bind(Map.ofEntries(
                Map.entry("budgetledger.ledger.budget-year-cache-entries", "7"),
                Map.entry("budgetledger.ledger.budget-year-snapshot-events", "0"),
                Map.entry("budgetledger.integrity.key", "a2V5"),
                Map.entry("budgetledger.integrity.key-file", "/tmp/other.key"),
                Map.entry("budgetledger.publisher.idle-poll-millis", "3"),
                Map.entry("budgetledger.publisher.batch-size", "4"),
                Map.entry("budgetledger.publisher.backoff-max-millis", "5"),
                Map.entry("budgetledger.publisher.gather-millis", "6"),
                Map.entry("budgetledger.events.topic", "elsewhere"),
                Map.entry("budgetledger.digests.topic", "signed-elsewhere"),
                Map.entry("budgetledger.integrity.digest-interval", "PT5S"),
                Map.entry("budgetledger.database.owner-username", "owner"),
                Map.entry("budgetledger.database.owner-password", "secret")));

        LedgerSettings ledger = binder.bindOrCreate("budgetledger", LedgerSettings.class);
        PlatformSettings platform = binder.bindOrCreate("budgetledger", PlatformSettings.class);

        assertThat(ledger.ledger()).isEqualTo(new LedgerSettings.Ledger(7, 0));
        assertThat(ledger.integrity()).isEqualTo(new LedgerSettings.Integrity("a2V5", Path.of("/tmp/other.key"),
                Path.of("signing-key.pem"), Path.of("signing-keys.pub"), Duration.ofSeconds(5)));
        assertThat(platform.digests().topic()).isEqualTo("signed-elsewhere");
        assertThat(ledger.publisher()).isEqualTo(new LedgerSettings.Publisher(3, 4, 5, 6));
        assertThat(platform.events().topic()).isEqualTo("elsewhere");
        assertThat(platform.database()).isEqualTo(new PlatformSettings.Database("owner", "secret"));
    }

    @Test
    void the_signing_key_settings_are_read_under_their_documented_names() throws IOException {
        LedgerSettings ledger = bind(Map.of("budgetledger.integrity.signing-key-file", "/tmp/signing.pem",
                "budgetledger.integrity.public-keys-file", "/tmp/signing.pub")).bindOrCreate("budgetledger", LedgerSettings.class);

        assertThat(ledger.integrity().signingKeyFile()).isEqualTo(Path.of("/tmp/signing.pem"));
        assertThat(ledger.integrity().publicKeysFile()).isEqualTo(Path.of("/tmp/signing.pub"));
    }

    /** The ledger's defaults file, with {@code given} on top, as the application reads them. */
    private static Binder bind(Map<String, String> given) throws IOException {
        Map<Object, Object> properties = new HashMap<>(
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("budgetledger/ledger.properties")));
        properties.putAll(given);
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
