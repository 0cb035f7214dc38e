package br.com.techassist.shipments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this process's heap in use and resident set every half second. All four services, the
 * broker and the sandbox share this one JVM, so these are the whole system's numbers.
 */
final class MemoryWatch implements AutoCloseable {

    private volatile long peakHeap;
    private volatile long peakRss;
    private final Thread thread;

    MemoryWatch() {
        thread = Thread.ofPlatform().daemon().name("bench-memory").start(this::run);
    }

    private void run() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!Thread.currentThread().isInterrupted()) {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            peakRss = Math.max(peakRss, statusKb("VmRSS:") * 1024);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    /** The kernel's high-water mark of the resident set (VmHWM), or the sampled peak when unavailable. */
    long peakRssBytes() {
        long hwm = statusKb("VmHWM:") * 1024;
        return Math.max(hwm, peakRss);
    }

    static long statusKb(String field) {
        return statusKb(ProcessHandle.current().pid(), field);
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, or 0 when unavailable. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
