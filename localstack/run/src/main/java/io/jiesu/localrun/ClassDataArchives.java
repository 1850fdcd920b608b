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
import java.util.logging.Logger;

/**
 * Class-data sharing archives (AppCDS) for the function JVMs a run starts. Eleven Quarkus JVMs starting at once on two
 * cores spend most of their start loading and verifying classes; from an archive they map them instead (the
 * cold-start benchmark: a stage 2.1–2.7 s → 1.0–1.2 s). A jar's archive is recorded once, by a process that starts,
 * does a first piece of work and exits; it is named after the jar's size and time and the JVM's version, so a rebuilt
 * jar or another JDK records a new one and never reads a stale one.
 */
final class ClassDataArchives {
    private static final Logger LOG = Logger.getLogger(ClassDataArchives.class.getName());

    /** Starts a process of the jar with these JVM options, lets it do a first piece of work, and stops it. */
    interface Recording {
        void run(List<String> jvmOptions) throws Exception;
    }

    private final Path dir;

    ClassDataArchives(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
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
        if (agentInEveryJvm()) {
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
            if (Files.exists(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
     * The coverage build puts JaCoCo's agent in every JVM through JAVA_TOOL_OPTIONS, which the functions inherit: it
     * rewrites classes as they load, and the JVM refuses to record an archive beside it.
     */
    private static boolean agentInEveryJvm() {
        return String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).contains("-javaagent");
    }

    Path archiveOf(Path jar) {
        try {
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + Runtime.version();
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            return dir.resolve(name + "-" + HexFormat.of().toHexDigits(key.hashCode()) + ".jsa");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
