package io.jiesu.localcloud;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The one way the local stand-ins open an HTTP server: the JDK's, on the loopback interface, with Nagle's algorithm
 * off. The JDK server writes a response's headers and its body in two packets; with Nagle on, the body waits for the
 * client's delayed acknowledgement of the headers, and every request after the first on a kept-alive connection
 * (browsers, the AWS SDK, the Lambda runtime's polls) took 40 ms more than its work (measured with curl against the
 * scheduler stand-in: 2 ms on a new connection, 44 ms on the same one).
 */
public final class LoopbackHttpServer {

    static {
        // read once, when the JDK's server first starts in this JVM: every server here is opened through this class
        // (an explicit -Dsun.net.httpserver.nodelay=false still wins)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackHttpServer() {
    }

    /**
     * An unstarted server on {@code port} of the loopback interface (0: any free port).
     *
     * @param backlog connections the system queues before accepting (0: the system's default)
     */
    public static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
