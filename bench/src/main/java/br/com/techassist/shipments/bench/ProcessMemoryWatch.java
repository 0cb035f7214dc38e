package br.com.techassist.shipments.bench;

import br.com.techassist.shipments.standalone.BenchSystem;
import br.com.techassist.shipments.standalone.BenchSystem.Svc;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples each service process every second: its heap in use (the service's own
 * {@code jvm_memory_used_bytes{area="heap"}}) and its resident set ({@code VmHWM}, the kernel's
 * high-water mark, read from {@code /proc/<pid>/status}).
 */
final class ProcessMemoryWatch implements AutoCloseable {

    /** One service's peaks, in bytes. */
    record Peak(long heapBytes, long rssBytes) {}

    private final Map<Svc, Process> processes;
    private final BenchSystem system;
    private final Http http;
    private final Map<Svc, Long> peakHeap = new ConcurrentHashMap<>();
    private final Map<Svc, Long> peakRss = new ConcurrentHashMap<>();
    private final Thread thread;

    ProcessMemoryWatch(BenchSystem system, Map<Svc, Process> processes, Http http) {
        this.system = system;
        this.processes = processes;
        this.http = http;
        thread = Thread.ofPlatform().daemon().name("bench-process-memory").start(this::run);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            sample();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        processes.forEach((svc, process) -> {
            if (!process.isAlive()) {
                return;
            }
            peakRss.merge(svc, MemoryWatch.statusKb(process.pid(), "VmHWM:") * 1024, Math::max);
            try {
                long heap = (long) http.metric(system.serviceUrl(svc), "jvm_memory_used_bytes", "area=\"heap\"");
                peakHeap.merge(svc, heap, Math::max);
            } catch (RuntimeException notUpYet) {
                // the service is still starting
            }
        });
    }

    /** The peaks so far, sampled once more now. */
    Map<Svc, Peak> peaks() {
        sample();
        Map<Svc, Peak> out = new EnumMap<>(Svc.class);
        processes.keySet().forEach(svc -> out.put(svc, new Peak(peakHeap.getOrDefault(svc, 0L),
                peakRss.getOrDefault(svc, 0L))));
        return out;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
