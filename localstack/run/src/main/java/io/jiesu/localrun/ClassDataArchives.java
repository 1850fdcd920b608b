package io.jiesu.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Class-data sharing archives (AppCDS) for the function JVMs a run starts. Ten Quarkus JVMs starting at once on two
 * cores spend most of their start loading and verifying classes; from an archive they map them instead (the
 * cold-start benchmark: a stage 2.1–2.7 s → 1.0–1.2 s). A jar's archive is recorded once, by a process that starts,
 * does a first piece of work and is stopped; it is named after the jar's size and time and the JVM's version, so a
 * rebuilt jar or another JDK records a new one and never reads a stale one.
 */
final class ClassDataArchives {
    private static final Logger LOG = Logger.getLogger(ClassDataArchives.class.getName());

    /** Starts a process of the jar with these JVM options, lets it do a first piece of work, and stops it. */
    interface Recording {
        void run(List<String> jvmOptions) throws Exception;
    }

    private final Path dir;
    private final boolean recordable;

    /**
     * Archives in {@code dir}. None is recorded beside a Java agent in every JVM: the coverage build puts JaCoCo's in
     * JAVA_TOOL_OPTIONS, which the functions inherit, and the JVM refuses to archive the classes an agent rewrites.
     */
    ClassDataArchives(Path dir) {
        this(dir, !String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).contains("-javaagent"));
    }

    ClassDataArchives(Path dir, boolean recordable) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.recordable = recordable;
    }

    /** The options that start {@code jar} from its archive; none while it has no archive. */
    List<String> optionsFor(Path jar) {
        Path archive = archiveOf(jar);
        return Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /**
     * Records the archive of every jar that has none, all at once. A recording that fails costs only speed: its jar
     * starts without an archive, and the next run tries again.
     */
    void recordMissing(Map<Path, Recording> recordings) {
        if (!recordable) {
            return;
        }
        CompletableFuture.allOf(recordings.entrySet().stream()
                .filter(r -> !Files.exists(archiveOf(r.getKey())))
                .map(r -> CompletableFuture.runAsync(() -> record(r.getKey(), r.getValue())))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void record(Path jar, Recording recording) {
        Path archive = archiveOf(jar);
        // the JVM writes the archive as it exits; another run recording the same jar must not read it half-written
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            Files.createDirectories(dir);
            recording.run(List.of("-XX:ArchiveClassesAtExit=" + partial));
            if (Files.exists(partial) && opens(partial, jar)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOtherBuildsOf(jar, archive);
            }
        } catch (Exception e) {
            LOG.warning("no class-data archive for " + jar.getFileName() + " (it starts slower, nothing else): " + e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // left for the next clean
            }
        }
    }

    /**
     * Whether a JVM maps the archive for the jar: -Xshare:on refuses to start from one it cannot map (a recorder
     * stopped before it finished writing, say), where a plain start would silently go without.
     */
    private static boolean opens(Path archive, Path jar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildProcess.JAVA,
                "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", jar.toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** Archives of earlier builds of the jar: tens of MB each, never read again. */
    private void removeOtherBuildsOf(Path jar, Path kept) throws IOException {
        String prefix = stem(jar) + "-";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".jsa") && !f.equals(kept)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    Path archiveOf(Path jar) {
        try {
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + Runtime.version();
            return dir.resolve(stem(jar) + "-" + HexFormat.of().toHexDigits(key.hashCode()) + ".jsa");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static String stem(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }
}
