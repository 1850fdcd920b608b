package io.jiesu.localcloud.scheduler;

import io.jiesu.localcloud.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The firing of due schedules: takes each due occurrence from the store, oldest first and once, and hands it to
 * {@link SqsDelivery}; optionally on a ticker, and optionally losing a share of firings (chaos runs). What happens to
 * a schedule after its last occurrence (ActionAfterCompletion) is the store's part of taking it.
 */
final class ScheduleFiring {

    private static final Logger LOG = Logger.getLogger(ScheduleFiring.class.getName());

    private final ScheduleStore store;
    private final SqsDelivery delivery;

    /** Serializes {@link #fireDue()} so occurrences are delivered in order and once. */
    private final Object firing = new Object();
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile double dropShare;
    private final Random dropRandom = new Random(0);
    private ScheduledExecutorService ticker;

    ScheduleFiring(ScheduleStore store, SqsDelivery delivery) {
        this.store = store;
        this.delivery = delivery;
    }

    /** See {@link SchedulerServer#fireDue()}. */
    int fireDue() {
        synchronized (firing) {
            Instant now = store.now();
            int count = 0;
            Firing next;
            while ((next = store.takeNextDue(now)) != null) {
                fire(next);
                count++;
            }
            store.deleteCompleted(now);
            return count;
        }
    }

    private void fire(Firing f) {
        String body = SqsDelivery.body(f);
        if (dropped(f)) {
            return;
        }
        if (delivery.deliver(f, body)) {
            fired.incrementAndGet();
        } else {
            failedDeliveries.incrementAndGet();
        }
    }

    /** Whether chaos loses this occurrence: it counts as fired (a one-time schedule is gone) but nothing arrives. */
    private boolean dropped(Firing f) {
        if (dropShare <= 0) {
            return false;
        }
        double roll;
        synchronized (dropRandom) {
            roll = dropRandom.nextDouble();
        }
        if (roll >= dropShare) {
            return false;
        }
        dropped.incrementAndGet();
        LOG.fine(() -> "dropped " + f.schedule().arn + " for " + f.occurrence() + " (chaos)");
        return true;
    }

    /** See {@link SchedulerServer#startTicking(Duration)}; {@code name} names the daemon thread. */
    synchronized void startTicking(Duration every, String name) {
        if (ticker != null) {
            throw new IllegalStateException("already ticking");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        ticker.scheduleWithFixedDelay(() -> {
            try {
                fireDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "firing due schedules failed", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stopTicking() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** See {@link SchedulerServer#dropFirings(double, long)}. */
    void dropFirings(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be 0..1, was " + share);
        }
        synchronized (dropRandom) {
            dropRandom.setSeed(seed);
        }
        dropShare = share;
    }

    long fired() {
        return fired.get();
    }

    long failedDeliveries() {
        return failedDeliveries.get();
    }

    long dropped() {
        return dropped.get();
    }
}
