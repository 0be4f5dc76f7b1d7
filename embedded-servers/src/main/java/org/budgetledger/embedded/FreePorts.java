package org.budgetledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Free loopback ports for servers that must be told their port before they start. A port is found by binding port 0
 * and closing the socket, after which the operating system may offer the same port again: so this process never hands
 * out a port twice, and a caller names the ports it has taken already (another process may have chosen them).
 */
public final class FreePorts {

    private static final int ATTEMPTS = 100;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static int next() {
        return nextExcept(Set.of());
    }

    /** A free port that is none of {@code taken}. */
    public static int nextExcept(Collection<Integer> taken) {
        return nextExcept(taken, FreePorts::probe, HANDED_OUT);
    }

    /**
     * The record of ports handed out is a parameter so that tests offering made-up ports keep their own record: in the
     * process's record a made-up port would stay, and a real port of that number would be refused later.
     */
    static synchronized int nextExcept(Collection<Integer> taken, IntSupplier probe, Set<Integer> handedOut) {
        int port = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            port = probe.getAsInt();
            if (!taken.contains(port) && handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port other than " + taken + " and the " + handedOut.size()
                + " ports handed out before, in " + ATTEMPTS + " attempts; last offered: " + port);
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
