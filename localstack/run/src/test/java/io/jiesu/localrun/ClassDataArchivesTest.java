package io.jiesu.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The function JVMs' class-data archives: recorded once per built jar by a real JVM, read by the next ones. */
class ClassDataArchivesTest {
    @TempDir
    Path dir;

    /** Stands in for a function process: a JVM started with the recording's options that does little and exits. */
    private static int java(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.JAVA));
        command.addAll(jvmOptions);
        command.add("-version");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the coverage build's agent, which this JVM passes on, stops a recording (ClassDataArchives then records none)
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = builder.start();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the JVM exits");
        return p.exitValue();
    }

    @Test
    void aJarIsRecordedOnceAndItsProcessesStartFromTheArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("api.jar"), "built");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), true);
        assertEquals(List.of(), archives.optionsFor(jar), "no archive before a recording");

        AtomicInteger recordings = new AtomicInteger();
        ClassDataArchives.Recording recording = jvm -> {
            recordings.incrementAndGet();
            assertEquals(0, java(jvm));
        };
        archives.recordMissing(Map.of(jar, recording));
        archives.recordMissing(Map.of(jar, recording));
        assertEquals(1, recordings.get(), "a jar with an archive is not recorded again");

        List<String> options = archives.optionsFor(jar);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archives.archiveOf(jar)), options);
        // -Xshare:on refuses to start from an archive it cannot map
        List<String> strict = new ArrayList<>(options);
        strict.add("-Xshare:on");
        assertEquals(0, java(strict), "a JVM starts from the recorded archive");
        try (var left = Files.list(dir.resolve("class-data"))) {
            assertEquals(List.of(archives.archiveOf(jar)), left.toList(), "only the archive is left, no partial recording");
        }
    }

    @Test
    void aRebuiltJarIsNeverStartedFromTheOldJarsArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("stages.jar"), "built");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), true);
        archives.recordMissing(Map.of(jar, jvm -> assertEquals(0, java(jvm))));
        assertFalse(archives.optionsFor(jar).isEmpty());

        Path old = archives.archiveOf(jar);
        Files.writeString(jar, "BUILT"); // the same size: the jar's time tells the builds apart
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertEquals(List.of(), archives.optionsFor(jar), "the rebuilt jar has no archive until it is recorded");

        archives.recordMissing(Map.of(jar, jvm -> assertEquals(0, java(jvm))));
        assertFalse(archives.optionsFor(jar).isEmpty());
        assertFalse(Files.exists(old), "the earlier build's archive is removed once the new one is recorded");
    }

    @Test
    void aRecordingThatLeavesNoArchiveAJvmCanOpenIsNotKept() throws Exception {
        Path jar = Files.writeString(dir.resolve("api.jar"), "built");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), true);
        // a recorder stopped while it wrote: a file is there, but no JVM can map it
        archives.recordMissing(Map.of(jar, jvm -> Files.write(Path.of(jvm.get(0).substring(jvm.get(0).indexOf('=') + 1)),
                new byte[4096])));
        assertEquals(List.of(), archives.optionsFor(jar));
        try (var left = Files.list(dir.resolve("class-data"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void besideAnAgentInEveryJvmNothingIsRecorded() throws Exception {
        Path jar = Files.writeString(dir.resolve("api.jar"), "built");
        AtomicInteger recordings = new AtomicInteger();
        new ClassDataArchives(dir.resolve("class-data"), false).recordMissing(Map.of(jar, jvm -> recordings.incrementAndGet()));
        assertEquals(0, recordings.get());
    }

    @Test
    void aFailedRecordingLeavesNoArchiveAndTheRunGoesOn() throws Exception {
        Path jar = Files.writeString(dir.resolve("api.jar"), "built");
        ClassDataArchives archives = new ClassDataArchives(dir.resolve("class-data"), true);
        archives.recordMissing(Map.of(jar, jvm -> {
            Files.writeString(Path.of(jvm.get(0).substring(jvm.get(0).indexOf('=') + 1)), "half an archive");
            throw new IllegalStateException("the recording process did not start");
        }));
        assertEquals(List.of(), archives.optionsFor(jar));
        try (var left = Files.list(dir.resolve("class-data"))) {
            assertEquals(List.of(), left.toList(), "the half-written recording is removed");
        }
    }
}
