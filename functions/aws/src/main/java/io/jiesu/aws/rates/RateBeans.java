package io.jiesu.aws.rates;

import io.jiesu.aws.catalogue.CatalogueStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The six rates, by unit and month. */
@ApplicationScoped
public class RateBeans {

    @Produces
    @Singleton
    RateReports rateReports(Counters store, CatalogueStore catalogue,
                            @ConfigProperty(name = "jiesu.rates.minimum-to-rank", defaultValue = "5") int minimumToRank) {
        return new RateReports(store, catalogue, minimumToRank);
    }
}
