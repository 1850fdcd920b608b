package io.jiesu.localcloud;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-ins' HTTP servers: on the loopback interface, with Nagle's algorithm off for the JDK's servers in this JVM
 * (a timing test would be noisy on a shared machine; the 40 ms it saves per kept-alive request is measured in
 * docs/decisions/0008-test-command-on-two-cores.md).
 */
class LoopbackHttpServerTest {

    @Test
    void opensOnLoopbackWithNagleOff() throws Exception {
        HttpServer server = LoopbackHttpServer.create(0, 0);
        try {
            assertEquals(InetAddress.getLoopbackAddress(), server.getAddress().getAddress());
            assertTrue(server.getAddress().getPort() > 0, "a free port chosen");
            assertTrue(Boolean.getBoolean("sun.net.httpserver.nodelay"), "the JDK server's TCP_NODELAY switch is on");
        } finally {
            server.stop(0);
        }
    }
}
