package io.jiesu.aws.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The local run's clock: the system clock moved by an offset (milliseconds) kept in a file, so the api, every
 * stage process and the scheduler stand-in travel in time together when the file changes (deadlines, callback
 * windows and digests come due without waiting days). Never used on AWS: only a local run sets
 * {@code jiesu.clock.offset-file}. The file is read again at most every {@link #REREAD} so a read costs no I/O;
 * the clocks of one JVM reading one file share that read, and a travel from this JVM reaches them at once (the
 * scheduler stand-in anchoring a schedule right after it, a test delivering a firing right after it).
 */
public final class TravelClock extends Clock {
    static final Duration REREAD = Duration.ofMillis(100);
    private static final ConcurrentMap<Path, Offset> OFFSETS = new ConcurrentHashMap<>();

    private final Offset offset;
    private final ZoneId zone;

    public TravelClock(Path offsetFile) {
        this(OFFSETS.computeIfAbsent(key(offsetFile), Offset::new), ZoneOffset.UTC);
    }

    private TravelClock(Offset offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /**
     * Moves every clock reading this file to {@code target}: this JVM's at once, other processes' within
     * {@link #REREAD} (written atomically, so no reader sees half).
     */
    public static void travelTo(Path offsetFile, Instant target) {
        write(offsetFile, Duration.between(Instant.now(), target).toMillis());
        OFFSETS.computeIfPresent(key(offsetFile), (file, ours) -> {
            ours.reread(); // inside the map's lock: a clock of this file being built meanwhile reads after the write
            return ours;
        });
    }

    /** Absolute, not normalized: dropping {@code link/..} as text could name another file than the OS reads. */
    private static Path key(Path offsetFile) {
        return offsetFile.toAbsolutePath();
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offset.millis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TravelClock(offset, zone);
    }

    /**
     * The offset as last read, shared by the clocks of this JVM reading the file and their zoned copies. A read and its
     * time are one value, and reads of the file are serialized, so a refresh that read the file just before a travel
     * cannot overwrite the travel's {@link #reread}.
     */
    private static final class Offset {
        private record Read(long millis, long atNanos) {
        }

        private final Path file;
        private volatile Read last;

        Offset(Path file) {
            this.file = file;
            this.last = new Read(read(file), System.nanoTime());
        }

        synchronized void reread() {
            last = new Read(read(file), System.nanoTime());
        }

        long millis() {
            Read r = last;
            if (System.nanoTime() - r.atNanos() > REREAD.toNanos()) {
                synchronized (this) {
                    r = last;
                    if (System.nanoTime() - r.atNanos() > REREAD.toNanos()) {
                        r = new Read(read(file), System.nanoTime());
                        last = r;
                    }
                }
            }
            return r.millis();
        }
    }

    private static long read(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clock offset from " + file, e);
        }
    }

    private static void write(Path file, long millis) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(millis));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clock offset to " + file, e);
        }
    }
}
