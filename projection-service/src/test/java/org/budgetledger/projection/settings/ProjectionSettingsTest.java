package org.budgetledger.projection.settings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection's settings keep the names and defaults of README's settings table. */
class ProjectionSettingsTest {

    @Test
    void the_defaults_are_those_the_readme_lists() throws IOException {
        ProjectionSettings settings = bind(Map.of());

        assertThat(settings.projection()).isEqualTo(new ProjectionSettings.Projection("budget-ledger-projection", 250));
        assertThat(settings.reports()).isEqualTo(new ProjectionSettings.Reports(ZoneId.of("Asia/Shanghai")));
        assertThat(settings.monitoring()).isEqualTo(new ProjectionSettings.Monitoring(new BigDecimal("15"), new BigDecimal("90")));
    }

    @Test
    void each_setting_is_read_under_its_documented_name() throws IOException {
        ProjectionSettings settings = bind(Map.of("budgetledger.projection.group-id", "other-group",
                "budgetledger.projection.checkpoint-facts", "12", "budgetledger.reports.zone", "UTC",
                "budgetledger.monitoring.lag-points", "20", "budgetledger.monitoring.forecast-percent", "87.5"));

        assertThat(settings.projection()).isEqualTo(new ProjectionSettings.Projection("other-group", 12));
        assertThat(settings.reports()).isEqualTo(new ProjectionSettings.Reports(ZoneId.of("UTC")));
        assertThat(settings.monitoring()).isEqualTo(new ProjectionSettings.Monitoring(new BigDecimal("20"), new BigDecimal("87.5")));
    }

    /** The projection's defaults file, with {@code given} on top, as the application reads them. */
    private static ProjectionSettings bind(Map<String, String> given) throws IOException {
        Map<Object, Object> properties = new HashMap<>(
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("budgetledger/projection.properties")));
        properties.putAll(given);
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("budgetledger", ProjectionSettings.class);
    }
}
