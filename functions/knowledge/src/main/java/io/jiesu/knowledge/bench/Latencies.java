package io.jiesu.knowledge.bench;

import java.util.Arrays;

/** Query latencies in nanoseconds, summarised as the percentiles the target is stated in. */
final class Latencies {
    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsed) {
        nanos[count++] = elapsed;
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int at = (int) Math.ceil(p / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, at))] / 1e6;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %d queries",
                percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100), count);
    }

    /** The machine's load when measured: the figures of a shared machine mean little without it. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (" + Runtime.getRuntime().availableProcessors()
                    + " cores)";
        } catch (java.io.IOException | RuntimeException e) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "";
        }
    }
}
