package io.jiesu.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A function run as its own JVM, as on AWS; its output goes to a log file, and closing it leaves nothing behind. */
public final class ChildProcess implements AutoCloseable {
    /** The java every process the run starts runs on: this JVM's own, so archives and flags fit it. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final String name;
    private final Process process;
    private final Path log;
    private final Path jar;
    private final Map<String, String> env;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;

    private ChildProcess(String name, Process process, Path log, Path jar, Map<String, String> env,
                         Map<String, String> properties, List<String> jvmOptions) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.jar = jar;
        this.env = env;
        this.properties = properties;
        this.jvmOptions = jvmOptions;
    }

    static ChildProcess start(String name, Path jar, Map<String, String> env, Map<String, String> properties, Path logDir) {
        return start(name, jar, env, properties, logDir, List.of());
    }

    /** The same, with more JVM options (e.g. a class-data sharing archive). */
    static ChildProcess start(String name, Path jar, Map<String, String> env, Map<String, String> properties, Path logDir,
                              List<String> jvmOptions) {
        return launch(name, jar, env, properties, logDir.resolve(name + ".log"), jvmOptions, false);
    }

    /** Kills this process at once (no shutdown: as a crash or a Lambda being torn down) and starts it again. */
    ChildProcess killAndRestart() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return launch(name, jar, env, properties, log, jvmOptions, true);
    }

    /** {@code appendLog}: a restart adds to the log of the process it replaces. */
    private static ChildProcess launch(String name, Path jar, Map<String, String> env, Map<String, String> properties,
                                       Path log, List<String> jvmOptions, boolean appendLog) {
        try {
            Files.createDirectories(log.getParent());
            // small heaps: six JVMs share a laptop; the serial GC starts fastest
            List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
            command.addAll(jvmOptions);
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
            pb.environment().putAll(env);
            return new ChildProcess(name, pb.start(), log, jar, Map.copyOf(env), Map.copyOf(properties), List.copyOf(jvmOptions));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " from " + jar, e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
