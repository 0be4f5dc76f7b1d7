package org.budgetledger.standalone;

import org.budgetledger.platform.settings.PlatformSettings;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * The last lines of a start-up, on the console: what an operator needs to reach the product, after the
 * logs. The generated admin password appears here once and nowhere else (never in a log file).
 */
final class StartupBanner {

    private StartupBanner() {
    }

    static String of(StandaloneLauncher.Running running) {
        ServletWebServerApplicationContext context = (ServletWebServerApplicationContext) running.context();
        Environment environment = context.getEnvironment();
        EmbeddedServers servers = running.servers();
        Optional<String> password = context.getBean(GeneratedAdmin.class).takePasswordToShow();
        String bootstrap = environment.getProperty("spring.kafka.bootstrap-servers");
        String topic = context.getBean(PlatformSettings.class).events().topic();
        StringBuilder banner = new StringBuilder(System.lineSeparator())
                .append("  Budget Ledger is ready: http://localhost:").append(context.getWebServer().getPort()).append('\n');
        password.ifPresentOrElse(
                shown -> banner.append("  user: admin   password: ").append(shown)
                        .append("   (shown once; budgetledger.security.users.<name>.password|roles|units for lasting users)\n"),
                () -> banner.append("  users: as configured (budgetledger.security.users.*)\n"));
        banner.append("  data: ").append(servers.dataDirectory())
                .append(servers.postgresPort() == 0 ? "   (PostgreSQL: spring.datasource.url)"
                        : "   (embedded PostgreSQL on 127.0.0.1:" + servers.postgresPort() + ")").append('\n');
        banner.append("  Kafka: ").append(bootstrap).append(servers.kafkaEmbedded()
                ? "   (embedded; fix its port with --" + EmbeddedServers.KAFKA_PORT_PROPERTY + "=9092)" : "").append('\n');
        banner.append("  read the events: kcat -C -b ").append(bootstrap).append(" -t ").append(topic).append('\n');
        return banner.toString();
    }
}
