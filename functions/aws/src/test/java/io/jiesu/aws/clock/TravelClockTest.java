package io.jiesu.aws.clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void everyReaderOfTheFileTravelsTogetherAndZonedCopiesFollow(@TempDir Path dir) throws InterruptedException {
        Path file = dir.resolve("offset");
        Clock api = new TravelClock(file);
        Clock stage = new TravelClock(file).withZone(ZoneId.of("Asia/Shanghai"));
        Instant target = Instant.parse("2026-03-02T01:00:00Z");
        TravelClock.travelTo(file, target);
        Thread.sleep(TravelClock.REREAD.toMillis() + 50);
        for (Clock c : new Clock[]{api, stage}) {
            assertTrue(Duration.between(target, c.instant()).abs().toMillis() < 2_000, c.instant().toString());
        }
        assertEquals(ZoneId.of("Asia/Shanghai"), stage.getZone());

        TravelClock.travelTo(file, target.plus(Duration.ofDays(3)));
        Thread.sleep(TravelClock.REREAD.toMillis() + 50);
        assertTrue(Duration.between(target.plus(Duration.ofDays(3)), stage.instant()).abs().toMillis() < 2_000);
    }

    @Test
    void theClockThatTravelsReadsItsOwnTravelAtOnce(@TempDir Path dir) {
        Path file = dir.resolve("offset");
        TravelClock clock = new TravelClock(file);
        clock.instant(); // read: the next ones within REREAD come from memory
        Instant target = Instant.parse("2026-03-02T01:00:00Z");
        TravelClock.travelTo(file, target);
        clock.reread();
        assertTrue(Duration.between(target, clock.instant()).abs().compareTo(Duration.ofSeconds(1)) < 0, clock.instant().toString());
    }
}
