package org.budgetledger.standalone;

import org.budgetledger.embedded.DatabaseRoles;
import org.budgetledger.embedded.EmbeddedKafkaBroker;
import org.budgetledger.embedded.EmbeddedPostgresServer;
import org.budgetledger.embedded.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The servers the standalone launcher starts itself: PostgreSQL when no {@code spring.datasource.url}
 * is configured, a Kafka broker when no {@code spring.kafka.bootstrap-servers} is. PostgreSQL asks every
 * connection for a password (generated, kept owner-only in the data directory), and the application connects
 * as a role that may only append to the event store ({@link DatabaseRoles}). Their ports are
 * chosen once and kept in {@code ports.properties} in the data directory, so a restart finds the broker
 * where its metadata says it is.
 */
final class EmbeddedServers implements AutoCloseable {

    static final String DATA_DIR_PROPERTY = "budgetledger.data-dir";
    /** The embedded broker's client port, for a fixed address such as 9092; chosen once and kept otherwise. */
    static final String KAFKA_PORT_PROPERTY = "budgetledger.embedded.kafka-port";

    /** The servers whose ports ports.properties keeps, in the order they are chosen. */
    private static final List<String> SERVERS = List.of("postgres", "kafka", "kafka-controller");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private final Map<String, Object> springProperties = new HashMap<>();
    private Path dataDirectory;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker broker;

    static EmbeddedServers startUnlessConfigured(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Path dataDirectory = Path.of(environment.getProperty(DATA_DIR_PROPERTY, "data")).toAbsolutePath();
        EmbeddedServers servers = new EmbeddedServers();
        servers.dataDirectory = dataDirectory;
        try {
            Files.createDirectories(dataDirectory);
            Properties ports = ports(dataDirectory, environment.getProperty(KAFKA_PORT_PROPERTY), FreePorts::nextExcept);
            // the sealing key of the event store lives beside the data, never inside the database
            servers.springProperties.put("budgetledger.integrity.key-file", dataDirectory.resolve("integrity.key").toString());
            // so do the key that signs its digests and the list of every public key it signed with (SPEC §16)
            servers.springProperties.put("budgetledger.integrity.signing-key-file", dataDirectory.resolve("signing-key.pem").toString());
            servers.springProperties.put("budgetledger.integrity.public-keys-file", dataDirectory.resolve("signing-keys.pub").toString());
            if (!environment.containsProperty("spring.datasource.url")) {
                servers.postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"),
                        Integer.parseInt(ports.getProperty("postgres")), false);
                // the application works as a role that may only append to the event store; the schemas' owner migrates
                DatabaseRoles.Logins roles = servers.postgres.provisionRoles();
                servers.springProperties.put("spring.datasource.url", servers.postgres.jdbcUrl());
                servers.springProperties.put("spring.datasource.username", roles.application().username());
                servers.springProperties.put("spring.datasource.password", roles.application().password());
                servers.springProperties.put("budgetledger.database.owner-username", roles.owner().username());
                servers.springProperties.put("budgetledger.database.owner-password", roles.owner().password());
                log.info("event=embedded_postgres_started directory={} port={}", dataDirectory.resolve("postgres"),
                        servers.postgres.port());
            }
            if (!environment.containsProperty("spring.kafka.bootstrap-servers")) {
                servers.broker = new EmbeddedKafkaBroker(dataDirectory.resolve("kafka"),
                        Integer.parseInt(ports.getProperty("kafka")),
                        Integer.parseInt(ports.getProperty("kafka-controller"))).start();
                servers.springProperties.put("spring.kafka.bootstrap-servers", servers.broker.bootstrapServers());
                log.info("event=embedded_kafka_started directory={} bootstrap={}", dataDirectory.resolve("kafka"),
                        servers.broker.bootstrapServers());
            }
            return servers;
        } catch (IOException | RuntimeException failed) {
            servers.close();
            throw failed instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failed;
        }
    }

    Map<String, Object> springProperties() {
        return springProperties;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The embedded PostgreSQL's port, or 0 when an external one is configured. */
    int postgresPort() {
        return postgres == null ? 0 : postgres.port();
    }

    boolean kafkaEmbedded() {
        return broker != null;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * The servers' ports from the data directory, each one missing chosen free and other than the ports named already:
     * the fixed Kafka port was chosen by another process, and the operating system may offer it again. Only the servers'
     * entries are ports; anything else in the file is left as it is.
     */
    static Properties ports(Path dataDirectory, String fixedKafkaPort, Function<Set<Integer>, Integer> freePortExcept)
            throws IOException {
        Path file = dataDirectory.resolve("ports.properties");
        Properties ports = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                ports.load(in);
            }
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (String server : SERVERS) {
            String value = ports.getProperty(server);
            if (value != null) {
                kept.put(server, port(value, () -> server + "=" + value + " in " + file));
            }
        }
        boolean changed = false;
        if (fixedKafkaPort != null) {
            int kafka = port(fixedKafkaPort, () -> "the fixed Kafka port " + KAFKA_PORT_PROPERTY + "=" + fixedKafkaPort);
            refuseKeptByAnotherServer(kafka, kept, file);
            // only the client port moves: the controller's port is in the broker's metadata and stays
            if (!Integer.valueOf(kafka).equals(kept.put("kafka", kafka))) {
                changed = true;
            }
        }
        for (String server : SERVERS) {
            if (!kept.containsKey(server)) {
                kept.put(server, freePortExcept.apply(new HashSet<>(kept.values())));
                changed = true;
            }
        }
        kept.forEach((server, port) -> ports.setProperty(server, Integer.toString(port)));
        if (changed) {
            try (OutputStream out = Files.newOutputStream(file)) {
                ports.store(out, "loopback ports of the embedded servers, chosen on first start");
            }
        }
        return ports;
    }

    /** A hand-edited entry that is no port would otherwise surface as a NumberFormatException or a failed bind. */
    private static int port(String value, Supplier<String> where) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // told below, with where the value came from
        }
        throw new IllegalStateException(where.get() + " is not a port (a whole number from 1 to 65535)");
    }

    /**
     * The fixed Kafka port is the operator's choice, the others were chosen on an earlier start: if they meet, two servers
     * would be told one port and the second would fail to bind, far from the cause. The controller's port is in the
     * broker's metadata, so the operator is told to move the Kafka port rather than the one kept.
     */
    private static void refuseKeptByAnotherServer(int fixedKafkaPort, Map<String, Integer> kept, Path file) {
        for (String server : new String[]{"postgres", "kafka-controller"}) {
            if (Integer.valueOf(fixedKafkaPort).equals(kept.get(server))) {
                throw new IllegalStateException("the fixed Kafka port " + fixedKafkaPort + " (" + KAFKA_PORT_PROPERTY
                        + ") is the port of another embedded server: " + server + "=" + fixedKafkaPort + " in " + file
                        + "; set " + KAFKA_PORT_PROPERTY + " to another port");
            }
        }
    }
}
