package io.jiesu.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a free TCP port on the loopback interface for emulators that want a port number up front (DynamoDB Local
 * takes it on its command line; ElasticMQ only reports the port of a dynamic bind asynchronously, after it has already
 * answered with queue URLs). There is a small window in which another process can take the port, so callers retry
 * a few times on a bind failure.
 */
final class LoopbackPorts {

    /** How many times a server start is tried with a fresh port before giving up. */
    static final int START_ATTEMPTS = 5;

    private LoopbackPorts() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
