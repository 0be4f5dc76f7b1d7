package org.budgetledger.faults;

import org.budgetledger.embedded.EmbeddedKafkaBroker;

import java.nio.file.Path;

/** The Kafka broker in a JVM of its own, so that the harness can kill it, restart it, and freeze it. */
public final class BrokerMain {

    private BrokerMain() {
    }

    /** Arguments: data directory, broker port, controller port. Runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2])).start();
        System.out.println("broker ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
