package io.jiesu.aws.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The clock every function tells time by. */
@ApplicationScoped
public class ClockBeans {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "jiesu.clock.offset-file") Optional<Path> offsetFile) {
        // a local run may travel in time (TravelClock); everywhere else the system clock. TravelClock stays in this
        // module although only the local run uses it: the run starts the api and stage processes from their packaged
        // artifacts (java -jar), whose class path and bean graph are fixed when Quarkus builds them, so a clock kept
        // in a localstack module could not reach them. It is inert on AWS: template.yaml never sets the offset file.
        return offsetFile.<Clock>map(TravelClock::new).orElseGet(Clock::systemUTC);
    }
}
