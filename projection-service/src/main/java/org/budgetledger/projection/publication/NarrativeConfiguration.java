package org.budgetledger.projection.publication;

import org.budgetledger.projection.readmodel.ReportInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Reads the narrative once, at start, and says every section of it of an empty year's figures: a template that names
 * no figure, a blank without a label or a block of the wrong shape stops the start with what is wrong, rather than
 * failing the first publication asked for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationSettings.class)
class NarrativeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NarrativeConfiguration.class);

    @Bean
    Narrative narrative(PublicationSettings settings, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(settings.narrative());
        Narrative narrative;
        try (InputStream in = resource.getInputStream()) {
            narrative = Narrative.read(in);
        } catch (IOException unreadable) {
            throw new IOException("budgetledger.publication.narrative " + settings.narrative() + " cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
        check(narrative);
        log.info("event=narrative_loaded location={} sections={}", settings.narrative(),
                narrative.profile().size() + narrative.statements().size());
        return narrative;
    }

    /** Says every section of the figures of a year with nothing in it; throws what is wrong. */
    static void check(Narrative narrative) {
        Map<String, Figure> figures = PublicationFigures.of(2000, YearTables.of(2000, new ReportInputs(List.of(), Map.of())),
                java.util.Optional.empty(), DisclosureSums.NONE, java.util.Optional.empty(),
                new DisclosureFigures.Unit("单位", org.budgetledger.contracts.codes.UnitType.OTHER, List.of(), false, 0, false));
        NarrativeRenderer renderer = new NarrativeRenderer(narrative, Map.of());
        narrative.titles().values().forEach(title -> renderer.line(title, figures));
        narrative.profile().forEach(section -> renderer.render(section, figures));
        narrative.statements().forEach(section -> {
            renderer.line(section.title(), figures);
            renderer.render(section, figures);
        });
    }
}
