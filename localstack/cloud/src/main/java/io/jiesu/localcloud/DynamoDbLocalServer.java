package io.jiesu.localcloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.LocalDBClient;
import com.amazonaws.services.dynamodbv2.local.shared.jobs.JobsRegister;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local (com.amazonaws:DynamoDBLocal) running in this JVM in server mode, in memory, on a free loopback port.
 *
 * <p>Native SQLite: DynamoDB Local stores tables in SQLite through sqlite4java, which needs a JNI library. Since 1.24
 * the DynamoDBLocal jar carries those libraries itself (under
 * {@code com/amazonaws/services/dynamodbv2/local/shared/access/sqlite/native/<OS>/<arch>/}: Linux x86, x86_64 and
 * aarch64, Mac x86_64 and aarch64, Windows x86 and x86_64) and its {@code SQLiteLibraryLoader} copies the right one to
 * {@code org.sqlite.tmpdir} (default {@code java.io.tmpdir}) and loads it once per JVM. So the native library travels
 * inside the jar to every module that depends on this one, with no build-time copying and no
 * {@code sqlite4java.library.path}. The separate {@code com.almworks.sqlite4java:libsqlite4java-*} artifacts that the
 * DynamoDBLocal pom still lists are unused and excluded in our pom. The extracted copy (about 1 MB, a fresh name per
 * JVM) is deleted on JVM exit. If the temp dir is mounted noexec, set {@code -Dorg.sqlite.tmpdir=} to a directory that
 * allows loading libraries.
 *
 * <p>Flags: {@code -inMemory} (nothing on disk, a fresh database per server), {@code -sharedDb} (one database for all
 * clients: without it DynamoDB Local keeps a separate database per access key id and region, so a function started
 * with different dummy credentials than the test would silently see no tables), {@code -disableTelemetry} (it would
 * otherwise try to send usage data out of the machine).
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DynamoDbLocalServer.class.getName());

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts a new, empty DynamoDB Local and returns once it accepts connections. */
    public static DynamoDbLocalServer start() {
        Exception last = null;
        for (int attempt = 0; attempt < LoopbackPorts.START_ATTEMPTS; attempt++) {
            int port = LoopbackPorts.freePort();
            DynamoDBProxyServer server = null;
            try {
                server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"}));
                bindToLoopbackOnly(server);
                server.start();
                return new DynamoDbLocalServer(server, port);
            } catch (Exception e) {
                // Most likely the port was taken between freePort() and the bind; try another one.
                last = e;
                shutdown(server);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private interface Creation {
        DynamoDBProxyServer create() throws Exception;
    }

    /**
     * DynamoDB Local prints its configuration block on System.out as it is created; it goes to this class's log
     * instead, so the local run's console shows only its banner. Done once per start, before any request is served.
     */
    private static DynamoDBProxyServer quietly(Creation creation) throws Exception {
        synchronized (System.class) {
            java.io.PrintStream console = System.out;
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                return creation.create();
            } finally {
                System.setOut(console);
                LOG.fine(() -> printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
            }
        }
    }

    /** Base URL of the server, e.g. {@code http://127.0.0.1:43123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server; the in-memory tables are gone. */
    @Override
    public void close() {
        shutdown(server);
    }

    private static void shutdown(DynamoDBProxyServer server) {
        if (server == null) {
            return;
        }
        List<JobsRegister> jobs = backgroundJobs(server);
        stopQuietly(server);
        // DynamoDB Local's stop() shuts its job pool down gracefully, but the Streams shard-rollover scheduler in it
        // loops until cancelled and nothing cancels it: its non-daemon thread would keep the JVM alive after close().
        // Interrupting the pool ends it.
        for (JobsRegister register : jobs) {
            register.shutdownNow();
        }
    }

    /**
     * DynamoDB Local builds its Jetty server with {@code new Server(port)}, which listens on every interface, and has
     * no option for the host. A test emulator has no business on the network, so before start we reach into the
     * (private) Jetty server and pin its connector to 127.0.0.1. Should a future DynamoDB Local rename the field, we
     * log and carry on listening on all interfaces rather than fail.
     */
    private static void bindToLoopbackOnly(DynamoDBProxyServer proxy) {
        try {
            Server jetty = (Server) field(DynamoDBProxyServer.class, "server").get(proxy);
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector) {
                    ((ServerConnector) connector).setHost("127.0.0.1");
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not restrict DynamoDB Local to loopback; it listens on all interfaces", e);
        }
    }

    /**
     * The background job pools of the server's databases (one, with {@code -sharedDb}). DynamoDB Local keeps them in
     * private fields; if these move in a later version we log and return none (close() then leaves a thread behind).
     */
    private static List<JobsRegister> backgroundJobs(DynamoDBProxyServer proxy) {
        List<JobsRegister> registers = new ArrayList<>();
        try {
            Object serverHandler = field(DynamoDBProxyServer.class, "serverHandler").get(proxy);
            Object requestHandler = field(AbstractLocalDynamoDBServerHandler.class, "primaryHandler").get(serverHandler);
            if (requestHandler instanceof LocalDynamoDBRequestHandler) {
                Map<?, ?> databases =
                        (Map<?, ?>) field(LocalDynamoDBRequestHandler.class, "dbRequestHandlers").get(requestHandler);
                for (Object database : databases.values()) {
                    if (database instanceof LocalDBClient) {
                        registers.add((JobsRegister) field(LocalDBClient.class, "jobs").get(database));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot reach DynamoDB Local's job pool; a thread of it may outlive close()", e);
        }
        return registers;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.FINE, "DynamoDB Local stop failed", e);
        }
    }
}
