package br.com.techassist.shipments.bench;

import br.com.techassist.shipments.standalone.BenchSystem;
import br.com.techassist.shipments.standalone.BenchSystem.Svc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Phase 6, throughput as cost. Each service runs from its own jar in a JVM of its own; the broker
 * and the sandbox stay in the benchmark's JVM and MySQL is a server of its own, so the CPU time the
 * kernel charges to a service process is that service's work alone. After a warm-up wave that is
 * not counted (class loading, JIT), a wave of parcels goes from pre-posting to both messages as in
 * phase 1, and each service's CPU time over it is divided by the parcels carried. The same services
 * are then left without parcels for as long as the wave took (their fixed cost: polling loops);
 * the service that used most CPU is profiled (JFR) through one more wave; and the notifier, warm,
 * sends a backlog at 1,000 msg/s to the fake WhatsApp in the benchmark's JVM.
 */
final class CostPerParcel {

    private static final int PROVIDER_RATE = 1_000;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Bench bench;
    private final Http http;

    CostPerParcel(Bench bench, Http http) {
        this.bench = bench;
        this.http = http;
    }

    /** One wave: its parcels, when it ran, what the service processes (and the rest) used meanwhile. */
    record Wave(int parcels, long complete, long duplicates, Instant start, Instant lastMessage, Instant measuredAt,
            Map<Svc, Duration> cpu, Duration benchJvmCpu, Duration databaseCpu, double rastroRequests, double objectPolls) {

        Duration wall() {
            return Duration.between(start, measuredAt);
        }

        double parcelsPerSecond() {
            return complete / (Bench.millis(start, lastMessage) / 1000.0);
        }

        Duration totalCpu() {
            return ProcessCpu.total(cpu);
        }

        Svc busiest() {
            return cpu.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    void run(ServiceJars jars, String mysqlUrl) throws Exception {
        int parcels = Integer.getInteger("bench.cost-parcels", 500);
        int warmUp = Integer.getInteger("bench.cost-warmup", 1000);
        Duration timeout = Duration.ofSeconds(Long.getLong("bench.wave-timeout", 120));
        String load = ProcessCpu.loadAverage();
        Path dir = Files.createDirectories(Path.of("bench-results"));
        try (BenchSystem system = new BenchSystem(mysqlUrl, Bench.TRACKING_SPEED_FAST, List.of(
                "--ingest.interval=PT1S", "--ingest.initial-delay=PT0S",
                "--notifier.provider-rate=" + PROVIDER_RATE, "--notifier.auth-failure-pause=PT5S",
                "--notifier.max-in-flight=512",
                "--phone.checks.batch-size=100",
                "--logging.level.root=WARN"))) {
            system.startInfrastructure(List.of("--sandbox.scenario.parcels=0", "--sandbox.clock.speed=1"));
            Path driver = mysqlUrl.startsWith("jdbc:mariadb:") ? ServiceJars.mariadbDriver(dir) : null;
            Map<Svc, Process> processes = new EnumMap<>(Svc.class);
            for (Svc svc : Svc.values()) {
                List<String> launch = driver == null ? jars.asDeployed(svc, Bench.SERVICE_JVM)
                        : jars.withDriver(svc, Bench.SERVICE_JVM, driver);
                processes.put(svc, system.startServiceProcess(svc, launch, dir.resolve("cost-" + svc.serviceName() + ".log")));
            }
            System.out.println("bench: phase 6, each service in its own JVM (" + String.join(" ", Bench.SERVICE_JVM)
                    + (driver == null ? "" : ", MariaDB's JDBC driver") + "), load average " + load);
            if (!Bench.waitUntil(Duration.ofMinutes(3), () -> allAnswer(system, processes), Duration.ofSeconds(1))) {
                bench.row("6 cost per parcel", "NOT MEASURED: a service did not start, see bench-results/cost-*.log");
                return;
            }
            System.out.println("bench: phase 6, warm-up wave of " + warmUp + " parcels (not counted)");
            Wave warm = wave(system, processes, warmUp, timeout);
            System.out.println("bench: phase 6, measured wave of " + parcels + " parcels");
            Wave measured = wave(system, processes, parcels, timeout);
            bench.settle(system.sandboxUrl());
            Map<Svc, Duration> idle = idle(processes, measured.wall());
            Map<String, Object> p6 = report(load, warm, measured, idle, driver != null);
            if (!Boolean.getBoolean("bench.cost-no-jfr")) {
                p6.put("profile", profile(system, processes, measured.busiest(), parcels, timeout, dir));
            }
            p6.put("sendingAtProviderRate", sendingAtProviderRate(system, processes.get(Svc.NOTIFIER), timeout));
            bench.results.put("costPerParcel", p6);
        }
    }

    private boolean allAnswer(BenchSystem system, Map<Svc, Process> processes) {
        for (Map.Entry<Svc, Process> e : processes.entrySet()) {
            if (!e.getValue().isAlive()) {
                return false;
            }
            try {
                http.metric(system.serviceUrl(e.getKey()), "process_uptime_seconds", null);
            } catch (RuntimeException notUpYet) {
                return false;
            }
        }
        return true;
    }

    /** {@code parcels} parcels posted at once, delivered a simulated day later (the clock jumps): CPU before and after. */
    private Wave wave(BenchSystem system, Map<Svc, Process> processes, int parcels, Duration timeout) throws Exception {
        String sandbox = system.sandboxUrl();
        int known = http.list(sandbox + "/sandbox/scenario/parcels").size();
        double sentBefore = bench.sent(sandbox);
        double rastroBefore = rastroRequests(sandbox);
        double pollsBefore = objectPolls(system);
        Optional<ProcessHandle> database = ProcessCpu.databaseServer();
        Duration databaseBefore = database.map(ProcessCpu::of).orElse(Duration.ZERO);
        Duration benchBefore = ProcessCpu.of(ProcessHandle.current());
        Map<Svc, Duration> before = ProcessCpu.of(processes);
        Instant start = Instant.now();
        bench.createPostedParcels(sandbox, parcels, true);
        Bench.waitUntil(timeout, () -> bench.sent(sandbox) >= sentBefore + parcels, POLL);
        http.send("POST", sandbox + "/sandbox/clock/advance?by=P2D", "");
        Bench.waitUntil(timeout, () -> bench.sent(sandbox) >= sentBefore + 2.0 * parcels, POLL);
        Map<Svc, Duration> after = ProcessCpu.of(processes);
        Instant measuredAt = Instant.now();
        Duration benchCpu = ProcessCpu.of(ProcessHandle.current()).minus(benchBefore);
        Duration databaseCpu = database.map(ProcessCpu::of).orElse(Duration.ZERO).minus(databaseBefore);

        List<JsonNode> truth = http.list(sandbox + "/sandbox/scenario/parcels");
        Messages messages = new Messages(http.list(sandbox + "/sandbox/whatsapp/messages"));
        long complete = 0;
        long duplicates = 0;
        Instant last = start;
        for (JsonNode p : truth.subList(known, truth.size())) {
            List<Messages.Sent> got = messages.of(p.get("trackingCode").asString());
            boolean shipped = got.stream().anyMatch(m -> m.kind().equals("SHIPPED"));
            boolean arrived = got.stream().anyMatch(m -> m.kind().equals("ARRIVED"));
            complete += shipped && arrived ? 1 : 0;
            duplicates += got.size() - got.stream().map(Messages.Sent::kind).distinct().count();
            for (Messages.Sent m : got) {
                last = m.sentAt().isAfter(last) ? m.sentAt() : last;
            }
        }
        return new Wave(parcels, complete, duplicates, start, last, measuredAt, ProcessCpu.between(before, after),
                benchCpu, databaseCpu, rastroRequests(sandbox) - rastroBefore, objectPolls(system) - pollsBefore);
    }

    /** Each service's CPU over {@code wall} with no parcel coming: the cost of its polling loops. */
    private static Map<Svc, Duration> idle(Map<Svc, Process> processes, Duration wall) throws InterruptedException {
        System.out.println("bench: phase 6, " + wall.toMillis() / 1000.0 + " s without parcels (idle CPU)");
        Map<Svc, Duration> before = ProcessCpu.of(processes);
        Thread.sleep(wall.toMillis());
        return ProcessCpu.between(before, ProcessCpu.of(processes));
    }

    private Map<String, Object> report(String load, Wave warm, Wave measured, Map<Svc, Duration> idle, boolean mariadbDriver) {
        double parcels = measured.complete();
        double wallSeconds = measured.wall().toMillis() / 1000.0;
        Duration total = measured.totalCpu();
        Duration idleTotal = ProcessCpu.total(idle);
        Map<String, Object> p6 = new LinkedHashMap<>();
        p6.put("loadAverageBefore", load);
        p6.put("jvmOptions", Bench.SERVICE_JVM);
        p6.put("jdbcDriver", mariadbDriver ? "MariaDB (added through PropertiesLauncher)" : "the jar's own (Connector/J)");
        p6.put("warmUpParcels", warm.parcels());
        p6.put("warmUpServiceCpuMsPerParcel", warm.totalCpu().toMillis() / (double) Math.max(1, warm.complete()));
        p6.put("parcels", measured.parcels());
        p6.put("parcelsWithBothMessages", measured.complete());
        p6.put("duplicates", measured.duplicates());
        p6.put("wallSeconds", wallSeconds);
        p6.put("endToEndParcelsPerSecond", measured.parcelsPerSecond());
        p6.put("rastroRequestsPerParcel", measured.rastroRequests() / parcels);
        p6.put("rastroObjectPollsPerParcel", measured.objectPolls() / parcels);
        p6.put("totalCpuMs", total.toMillis());
        p6.put("totalCpuMsPerParcel", total.toMillis() / parcels);
        p6.put("totalIdleCpuMsOverTheSameWallTime", idleTotal.toMillis());
        p6.put("totalCpuMsPerParcelAboveIdle", total.minus(idleTotal).toMillis() / parcels);
        p6.put("parcelsPerSecondPerCoreOfServiceCpu", parcels / (total.toMillis() / 1000.0));
        p6.put("serviceCoresUsedDuringTheWave", total.toMillis() / 1000.0 / wallSeconds);
        p6.put("benchJvmCpuMs", measured.benchJvmCpu().toMillis());
        p6.put("databaseServerCpuMs", measured.databaseCpu().toMillis());
        bench.row("6 service CPU per parcel (own JVMs)", "%.2f CPU-ms/parcel = %.0f parcels/s per core (target <= 5 ms); "
                        + "above idle %.2f ms", total.toMillis() / parcels, parcels / (total.toMillis() / 1000.0),
                total.minus(idleTotal).toMillis() / parcels);
        Map<String, Object> services = new LinkedHashMap<>();
        measured.cpu().forEach((svc, cpu) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("cpuMs", cpu.toMillis());
            s.put("cpuMsPerParcel", cpu.toMillis() / parcels);
            s.put("shareOfServiceCpu", cpu.toMillis() / (double) total.toMillis());
            s.put("idleCpuMsOverTheSameWallTime", idle.get(svc).toMillis());
            s.put("cpuMsPerParcelAboveIdle", cpu.minus(idle.get(svc)).toMillis() / parcels);
            services.put(svc.serviceName(), s);
            bench.row("  " + svc.serviceName(), "%6d CPU-ms = %5.2f ms/parcel (%2.0f%%); idle %5d ms = %4.1f%% of a core",
                    cpu.toMillis(), cpu.toMillis() / parcels, 100.0 * cpu.toMillis() / total.toMillis(),
                    idle.get(svc).toMillis(), 100 * idle.get(svc).toMillis() / 1000.0 / wallSeconds);
        });
        p6.put("services", services);
        bench.row("  all four services", "%6d CPU-ms in %.1f s of wall time = %.2f cores; idle %d ms", total.toMillis(),
                wallSeconds, total.toMillis() / 1000.0 / wallSeconds, idleTotal.toMillis());
        bench.row("  end to end (2 cores shared)", "%.1f parcels/s (%d of %d in %.1f s); load avg before %s; "
                        + "bench JVM (broker, sandbox) %.1f CPU-s, database server %.1f CPU-s",
                measured.parcelsPerSecond(), measured.complete(), measured.parcels(),
                Bench.millis(measured.start(), measured.lastMessage()) / 1000.0, load,
                measured.benchJvmCpu().toMillis() / 1000.0, measured.databaseCpu().toMillis() / 1000.0);
        bench.row("  Rastro requests / object polls per parcel", "%.2f / %.2f (duplicates %d)",
                measured.rastroRequests() / parcels, measured.objectPolls() / parcels, measured.duplicates());
        return p6;
    }

    /** One more wave, not counted, with a JFR recording of the service that used most CPU in the measured one. */
    private Map<String, Object> profile(BenchSystem system, Map<Svc, Process> processes, Svc busiest, int parcels,
            Duration timeout, Path dir) throws Exception {
        Path file = dir.resolve("cost-" + busiest.serviceName() + ".jfr");
        System.out.println("bench: phase 6, profiled wave of " + parcels + " parcels, JFR of " + busiest.serviceName());
        FlightRecording recording = FlightRecording.start(processes.get(busiest).pid(), file);
        Wave profiled = wave(system, processes, parcels, timeout);
        recording.stop();
        bench.settle(system.sandboxUrl());
        bench.row("  profiled wave (not counted)", "JFR of %s: %s (%.2f CPU-ms/parcel with the recording on)",
                busiest.serviceName(), file, profiled.cpu().get(busiest).toMillis() / (double) profiled.complete());
        return Map.of("service", busiest.serviceName(), "jfr", file.toString(),
                "cpuMsPerParcelWhileRecording", profiled.cpu().get(busiest).toMillis() / (double) profiled.complete());
    }

    /**
     * Sending at {@value #PROVIDER_RATE} msg/s by the warm notifier process: it is stopped
     * ({@code SIGSTOP}) while the upstream services carry a backlog to its topics, continued while
     * the fake WhatsApp refuses its credentials (it takes the backlog in; the gate stays closed,
     * the messages wait), then the fake answers in 200 ms and the gate opens at the next health
     * check (5 s). Achieved rate as in phase 2; the notifier's CPU from its first send to its last.
     */
    private Map<String, Object> sendingAtProviderRate(BenchSystem system, Process notifier, Duration timeout)
            throws Exception {
        String sandbox = system.sandboxUrl();
        int backlog = (int) Math.min(Integer.getInteger("bench.rate-parcels-max", 6000), PROVIDER_RATE * 12L);
        System.out.println("bench: phase 6, sending at " + PROVIDER_RATE + "/s by the notifier's own JVM, backlog of "
                + backlog + " messages");
        long before = (long) bench.sent(sandbox);
        signal(notifier, "STOP");
        try {
            long inputs = bench.notifierInputs(system);
            bench.createPostedParcels(sandbox, backlog, false);
            Bench.waitUntil(timeout, () -> bench.notifierInputs(system) >= inputs + 2L * backlog, POLL);
            http.send("PUT", sandbox + "/sandbox/faults", "{\"whatsapp\": {\"tokenExpired\": true}}");
        } finally {
            signal(notifier, "CONT");
        }
        Bench.waitUntil(timeout, () -> Topics.lag(system.bootstrapServers(), "notifier") == 0, POLL);
        http.send("DELETE", sandbox + "/sandbox/faults", "");
        http.send("PUT", sandbox + "/sandbox/faults", "{\"whatsapp\": {\"latency\": \"PT0.2S\"}}");
        Bench.waitUntil(Duration.ofSeconds(30), () -> bench.sent(sandbox) > before, Duration.ofMillis(20));
        Duration cpuFirst = ProcessCpu.of(notifier);
        Instant first = Instant.now();
        Bench.waitUntil(Duration.ofSeconds(Math.max(30, backlog / PROVIDER_RATE * 3L)),
                () -> bench.sent(sandbox) >= before + backlog, POLL);
        Duration cpu = ProcessCpu.of(notifier).minus(cpuFirst);
        double seconds = Bench.millis(first, Instant.now()) / 1000.0;
        http.send("DELETE", sandbox + "/sandbox/faults", "");
        List<Instant> times = new Messages(http.list(sandbox + "/sandbox/whatsapp/messages")).all().stream()
                .skip(before).map(Messages.Sent::sentAt).sorted(Comparator.naturalOrder()).toList();
        double achieved = Bench.steadyRate(times);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configuredPerSecond", PROVIDER_RATE);
        out.put("backlogMessages", backlog);
        out.put("sent", times.size());
        out.put("achievedPerSecond", achieved);
        out.put("fraction", achieved / PROVIDER_RATE);
        out.put("notifierCpuMs", cpu.toMillis());
        out.put("notifierCpuMsPerMessage", cpu.toMillis() / (double) Math.max(1, times.size()));
        out.put("notifierCoresWhileSending", cpu.toMillis() / 1000.0 / seconds);
        bench.row("6 sending at 1000/s, notifier in its own JVM", "%.1f/s = %.0f%% (%d of %d; target 95%%); notifier "
                        + "%.2f CPU-ms/message = %.2f cores", achieved, 100 * achieved / PROVIDER_RATE, times.size(), backlog,
                cpu.toMillis() / (double) Math.max(1, times.size()), cpu.toMillis() / 1000.0 / seconds);
        return out;
    }

    /** Sends {@code kill -<signal>} to the process (STOP / CONT: it keeps its state, JIT-compiled code included). */
    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private double rastroRequests(String sandbox) {
        return http.metric(sandbox, "http_server_requests_seconds_count", "/srorastro/v1/objetos");
    }

    private double objectPolls(BenchSystem system) {
        return http.metric(system.serviceUrl(Svc.TRACKING_POLLER), "tracking_rastro_codes_per_request_sum", null);
    }
}
