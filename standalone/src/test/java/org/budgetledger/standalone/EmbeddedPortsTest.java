package org.budgetledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CI once saw the launcher told to use a Kafka port that its own choice of the controller's port then repeated: the
 * broker refused to start. Here the "operating system" offers the lowest port from 40,000 that the caller lets it.
 */
class EmbeddedPortsTest {

    private static final Function<Set<Integer>, Integer> LOWEST_FREE =
            taken -> IntStream.iterate(40_000, port -> port + 1).filter(port -> !taken.contains(port)).findFirst().orElseThrow();

    @Test
    void the_ports_chosen_are_none_of_the_fixed_kafka_port_and_each_other(@TempDir Path dataDirectory) throws Exception {
        Properties ports = EmbeddedServers.ports(dataDirectory, "40000", LOWEST_FREE);

        assertThat(ports.getProperty("kafka")).isEqualTo("40000");
        assertThat(List.of(ports.getProperty("postgres"), ports.getProperty("kafka"), ports.getProperty("kafka-controller")))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_second_start_keeps_the_ports_of_the_first(@TempDir Path dataDirectory) throws Exception {
        Properties first = EmbeddedServers.ports(dataDirectory, null, LOWEST_FREE);

        assertThat(EmbeddedServers.ports(dataDirectory, null, taken -> 50_000)).isEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"40000, postgres", "40002, kafka-controller"})
    void a_fixed_kafka_port_that_another_server_keeps_is_a_clear_error_and_the_file_stays_as_it_was(
            String fixedKafkaPort, String server, @TempDir Path dataDirectory) throws Exception {
        Path file = dataDirectory.resolve("ports.properties");
        Files.writeString(file, "postgres=40000\nkafka=40001\nkafka-controller=40002\n");

        assertThatThrownBy(() -> EmbeddedServers.ports(dataDirectory, fixedKafkaPort, LOWEST_FREE))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining(fixedKafkaPort)
                .hasMessageContaining(server + "=")
                .hasMessageContaining(file.toString())
                .hasMessageContaining(EmbeddedServers.KAFKA_PORT_PROPERTY);
        assertThat(file).hasContent("postgres=40000\nkafka=40001\nkafka-controller=40002\n");
    }

    @Test
    void entries_other_than_the_servers_ports_are_no_ports_and_stay_in_the_file(@TempDir Path dataDirectory) throws Exception {
        Path file = dataDirectory.resolve("ports.properties");
        Files.writeString(file, "note=hello\nkafka.old=9092x\npostgres=40000\n");

        Properties ports = EmbeddedServers.ports(dataDirectory, null, LOWEST_FREE);

        assertThat(List.of(ports.getProperty("postgres"), ports.getProperty("kafka"), ports.getProperty("kafka-controller")))
                .containsExactly("40000", "40001", "40002");
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(in);
        }
        assertThat(stored).containsEntry("note", "hello").containsEntry("kafka.old", "9092x").containsEntry("kafka", "40001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "0", "65536", "-5", "4000.5"})
    void a_server_port_in_the_file_that_is_no_port_is_a_clear_error_naming_the_entry(String value, @TempDir Path dataDirectory)
            throws Exception {
        Path file = dataDirectory.resolve("ports.properties");
        Files.writeString(file, "postgres=40000\nkafka-controller=" + value + "\n");

        assertThatThrownBy(() -> EmbeddedServers.ports(dataDirectory, null, LOWEST_FREE))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("kafka-controller=" + value);
        assertThat(file).hasContent("postgres=40000\nkafka-controller=" + value + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nine", "0", "65536"})
    void a_fixed_kafka_port_that_is_no_port_is_a_clear_error_naming_the_setting(String fixedKafkaPort, @TempDir Path dataDirectory) {
        assertThatThrownBy(() -> EmbeddedServers.ports(dataDirectory, fixedKafkaPort, LOWEST_FREE))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmbeddedServers.KAFKA_PORT_PROPERTY + "=" + fixedKafkaPort);
        assertThat(dataDirectory.resolve("ports.properties")).doesNotExist();
    }
}
