package io.jiesu.localrun.bench;

import io.jiesu.localrun.LocalRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What a run's processes hold in memory, as the benchmarks report it. */
final class ResidentMemory {
    private ResidentMemory() {
    }

    /** Each function process's resident memory now (VmRSS, kB; Linux), by name, and this JVM's (the emulators). */
    static Map<String, Long> residentKb(LocalRun run) {
        Map<String, Long> pids = new TreeMap<>();
        pids.put("local-cloud (emulators, this JVM)", ProcessHandle.current().pid());
        pids.putAll(run.childPidsByName());
        Map<String, Long> rss = new TreeMap<>();
        pids.forEach((name, pid) -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                // not Linux, or the process is gone
            }
        });
        return rss;
    }
}
