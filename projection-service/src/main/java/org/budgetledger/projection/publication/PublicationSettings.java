package org.budgetledger.projection.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code budgetledger.publication.*} (README, settings).
 *
 * @param narrative where the publication's words are read from (a Spring resource location: {@code classpath:…} or
 *                  {@code file:…}); the default is the shipped {@code publication/narrative.yml}
 */
@ConfigurationProperties("budgetledger.publication")
public record PublicationSettings(String narrative) {

    public static final String DEFAULT_NARRATIVE = "classpath:publication/narrative.yml";

    public PublicationSettings {
        narrative = narrative == null || narrative.isBlank() ? DEFAULT_NARRATIVE : narrative;
    }
}
