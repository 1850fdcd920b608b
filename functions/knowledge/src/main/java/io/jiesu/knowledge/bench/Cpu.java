package io.jiesu.knowledge.bench;

import java.lang.management.ManagementFactory;

/** Processor time, to tell the cost of the work from the waiting a shared machine adds to the wall clock. */
final class Cpu {
    private Cpu() {
    }

    /** Nanoseconds of processor time the current thread used so far. */
    static long thread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Nanoseconds of processor time this process used so far, over all its threads (JIT and GC included). */
    static long process() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
