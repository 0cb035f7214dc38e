package br.com.techassist.shipments.bench;

import br.com.techassist.shipments.standalone.BenchSystem.Svc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time the kernel charged to a process: user + system time of all its threads, alive or ended
 * ({@code utime + stime} of {@code /proc/<pid>/stat}, in 10 ms ticks), read through
 * {@link ProcessHandle.Info#totalCpuDuration()}.
 */
final class ProcessCpu {

    private ProcessCpu() {}

    /** The process's CPU time so far; {@link Duration#ZERO} when it has ended or cannot be read. */
    static Duration of(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static Duration of(Process process) {
        return of(process.toHandle());
    }

    /** Each service process's CPU time so far. */
    static Map<Svc, Duration> of(Map<Svc, Process> processes) {
        Map<Svc, Duration> out = new EnumMap<>(Svc.class);
        processes.forEach((svc, process) -> out.put(svc, of(process)));
        return out;
    }

    /** {@code later - earlier}, service by service. */
    static Map<Svc, Duration> between(Map<Svc, Duration> earlier, Map<Svc, Duration> later) {
        Map<Svc, Duration> out = new EnumMap<>(Svc.class);
        earlier.forEach((svc, before) -> out.put(svc, later.get(svc).minus(before)));
        return out;
    }

    static Duration total(Map<Svc, Duration> cpu) {
        return cpu.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The database server on this machine (a {@code mariadbd} or {@code mysqld} process), if there is one. */
    static Optional<ProcessHandle> databaseServer() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .findFirst();
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
