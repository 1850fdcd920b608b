package io.jiesu.aws.routing;

import io.jiesu.aws.Cached;
import io.jiesu.routing.RouterModel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The model the dispatch function routes with: loaded when the function starts (so, on Lambda, inside the SnapStart
 * snapshot), then the pointer is read again at most every {@code recheck} and the model reloaded only when a newer
 * version is in force. A model that cannot be read is not used: the one loaded before stays (or the catalogue's
 * keywords route), and the next check tries again.
 */
public class LoadedRouter {
    private static final Logger LOG = Logger.getLogger(LoadedRouter.class.getName());

    private final RouterModels models;
    private final Cached<Optional<RouterModels.Current>> pointer;
    private volatile RouterModels.Current loadedFrom;
    private volatile Optional<RouterModel> model = Optional.empty();

    public LoadedRouter(RouterModels models, Duration recheck, Clock clock) {
        this.models = models;
        this.pointer = new Cached<>(recheck, clock, models::pointer);
    }

    public Optional<RouterModel> current() {
        Optional<RouterModels.Current> now = pointer.get();
        if (now.isEmpty()) {
            model = Optional.empty();
            loadedFrom = null;
        } else if (!now.get().equals(loadedFrom)) {
            try {
                model = Optional.of(models.load(now.get()));
                loadedFrom = now.get();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "router model " + now.get().version() + " not loaded: " + e.getMessage());
            }
        }
        return model;
    }
}
