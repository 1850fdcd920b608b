package io.jiesu.localcloud;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy (an S3 API over a blob store) running in this JVM on a free loopback port, over an in-memory store: the
 * local cloud's stand-in for the attachments bucket. It checks AWS signatures, so an object is read or written only
 * through a URL the api pre-signed with the functions' credentials ({@link #IDENTITY}/{@link #CREDENTIAL}, what
 * AwsClients signs with against an emulator) or a client holding them: an unsigned or tampered URL is refused, as
 * on S3.
 *
 * <p>A console in the browser PUTs and GETs the files itself, from its own origin: the bucket answers CORS for pages
 * served from this machine ({@link #CONSOLE_ORIGINS}, any loopback port: the local run's console server, Vite's dev
 * server, a test's console on a free port), as the deployed bucket does for the console's origins (template.yaml).
 * The signature still decides what may be read or written; CORS only lets such a page see the answer.
 */
public final class S3Server implements AutoCloseable {
    /** The access key and secret the functions sign with against an emulator (AwsClients). */
    public static final String IDENTITY = "local";
    public static final String CREDENTIAL = "local";

    /** The origins a console is served from locally: loopback, on any port (regular expressions, as S3Proxy takes them). */
    public static final List<String> CONSOLE_ORIGINS = List.of("http://127\\.0\\.0\\.1(:\\d+)?", "http://localhost(:\\d+)?");

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts an empty S3 and returns once it accepts connections. */
    public static S3Server start() {
        Exception last = null;
        for (int attempt = 0; attempt < LoopbackPorts.START_ATTEMPTS; attempt++) {
            URI endpoint = URI.create("http://127.0.0.1:" + LoopbackPorts.freePort());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                    .endpoint(endpoint)
                    .corsRules(new CrossOriginResourceSharing(CONSOLE_ORIGINS, List.of("GET", "HEAD", "PUT"),
                            List.of("Content-Type"), List.of("ETag"), "false"))
                    .build();
            try {
                proxy.start();
                // start() returns before Jetty is up; S3Proxy's own JUnit support waits for STARTED the same way
                long until = System.nanoTime() + 10_000_000_000L;
                while (!"STARTED".equals(proxy.getState())) {
                    if (System.nanoTime() > until || "FAILED".equals(proxy.getState())) {
                        throw new IllegalStateException("S3Proxy is " + proxy.getState());
                    }
                    Thread.onSpinWait();
                }
                return new S3Server(proxy, endpoint);
            } catch (Exception e) {
                // most likely the port was taken between freePort() and the bind; try another one
                last = e;
                stop(proxy);
            }
        }
        throw new IllegalStateException("S3Proxy did not start", last);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:43125}; use it as the S3 endpoint override (path-style addressing). */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        stop(proxy);
    }

    private static void stop(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping an emulator that never started, or one going away with the JVM
        }
    }
}
