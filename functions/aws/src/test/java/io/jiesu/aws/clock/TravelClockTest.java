package io.jiesu.aws.clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.*;

class TravelClockTest {

    @Test
    void withoutAnOffsetFileItIsTheSystemClock(@TempDir Path dir) {
        Clock clock = new TravelClock(dir.resolve("offset"));
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toMillis() < 1_000);
    }

    @Test
    void aTravelFromAnotherProcessReachesEveryClockAndItsZonedCopiesWithinTheReread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offset");
        Clock api = new TravelClock(file);
        Clock stage = new TravelClock(file).withZone(ZoneId.of("Asia/Shanghai"));
        api.instant();
        Instant target = Instant.parse("2026-03-02T01:00:00Z");
        // another process's travel: only the file changes here
        Files.writeString(file, Long.toString(Duration.between(Instant.now(), target).toMillis()));
        Thread.sleep(TravelClock.REREAD.toMillis() + 50);
        for (Clock c : new Clock[]{api, stage}) {
            assertTrue(Duration.between(target, c.instant()).abs().toMillis() < 2_000, c.instant().toString());
        }
        assertEquals(ZoneId.of("Asia/Shanghai"), stage.getZone());
    }

    @Test
    void everyClockOfTheJvmThatTravelsReadsTheTravelAtOnce(@TempDir Path dir) {
        Path file = dir.resolve("offset");
        Clock scheduler = new TravelClock(file);
        Clock app = new TravelClock(dir.resolve("offset")).withZone(ZoneId.of("Asia/Shanghai"));
        Clock another = new TravelClock(dir.resolve("another-offset"));
        scheduler.instant(); // read: the next ones within REREAD come from memory
        app.instant();
        Instant target = Instant.parse("2026-03-02T01:00:00Z");
        TravelClock.travelTo(file, target);
        for (Clock c : new Clock[]{scheduler, app}) {
            assertTrue(Duration.between(target, c.instant()).abs().compareTo(Duration.ofSeconds(1)) < 0, c.instant().toString());
        }
        assertTrue(Duration.between(Instant.now(), another.instant()).abs().compareTo(Duration.ofSeconds(1)) < 0,
                "a clock of another file stays where it was: " + another.instant());
    }
}
