package org.budgetledger.projection;

import org.budgetledger.platform.kafka.KafkaConfiguration;
import org.budgetledger.web.ContentTypeCheck;
import org.budgetledger.web.ProblemErrorController;
import org.budgetledger.web.ProblemErrorReportValve;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.RequestSizeLimit;
import org.budgetledger.web.StrictJson;
import org.budgetledger.web.operations.OperationsConfiguration;
import org.budgetledger.web.security.SecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** The read side on its own: consumes the event topic, keeps the read model, serves the reports. */
@SpringBootApplication
@PropertySource("classpath:budgetledger/projection.properties")
@Import({ProblemResponses.class, ProblemErrorController.class, ProblemErrorReportValve.Installer.class,
        RequestSizeLimit.class, ContentTypeCheck.class, StrictJson.class, SecurityConfiguration.class,
        OperationsConfiguration.class, KafkaConfiguration.class})
public class ProjectionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionServiceApplication.class, args);
    }
}
