package org.budgetledger.ledger;

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

/** The write side on its own: commands, invariants, the event store, publishing to Kafka. */
@SpringBootApplication
@PropertySource("classpath:budgetledger/ledger.properties")
@Import({ProblemResponses.class, ProblemErrorController.class, ProblemErrorReportValve.Installer.class,
        RequestSizeLimit.class, ContentTypeCheck.class, StrictJson.class, SecurityConfiguration.class,
        OperationsConfiguration.class, KafkaConfiguration.class})
public class LedgerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerServiceApplication.class, args);
    }
}
