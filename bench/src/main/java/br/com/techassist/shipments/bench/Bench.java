package br.com.techassist.shipments.bench;

import br.com.techassist.shipments.standalone.BenchSystem;
import br.com.techassist.shipments.standalone.BenchSystem.Svc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark of issue 9: throughput, provider-limited sending, Correios efficiency and latency,
 * memory, duplicates and missing messages, measured on the whole system in this one JVM. Sizes
 * and time bounds come from system properties ({@code -Dbench.parcels=3000}, see the README).
 */
public final class Bench {

    static final double TRACKING_SPEED_FAST = 500; // tracking schedule at 1/500 of real durations
    private static final double LIFE_CLOCK = 7_200; // two simulated hours per real second

    private final Http http = new Http();
    final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private final String mysqlUrl;
    private final String inProcessUrl;

    private Bench(String mysqlUrl) {
        this.mysqlUrl = mysqlUrl;
        this.inProcessUrl = DriverChoice.forInProcessServices(mysqlUrl);
    }

    public static void main(String[] args) throws Exception {
        String mysql = System.getenv("MYSQL_URL");
        if (mysql == null || mysql.isBlank()) {
            mysql = "jdbc:mysql://127.0.0.1:3306/test";
        }
        Bench bench = new Bench(mysql);
        Instant started = Instant.now();
        try (MemoryWatch memory = new MemoryWatch()) {
            String phases = System.getProperty("bench.phases", "1,2,3,4,5,6");
            if (phases.contains("1") || phases.contains("2")) {
                bench.throughputAndProviderRate();
            }
            if (phases.contains("3") || phases.contains("4")) {
                bench.correiosEfficiencyAndLatency();
            }
            if (phases.contains("5")) {
                bench.memoryPerService();
            }
            if (phases.contains("6")) {
                bench.costPerParcel();
            }
            bench.results.put("peakHeapMiB", memory.peakHeapBytes() / (1024 * 1024));
            bench.results.put("peakRssMiB", memory.peakRssBytes() / (1024 * 1024));
            bench.table.add(String.format("%-52s %s", "peak heap used / peak RSS (one JVM: all services)",
                    memory.peakHeapBytes() / (1024 * 1024) + " MiB / " + memory.peakRssBytes() / (1024 * 1024) + " MiB"));
        }
        bench.results.put("wallSeconds", Duration.between(started, Instant.now()).toSeconds());
        bench.write(started);
        System.exit(0);
    }

    // ---------------------------------------------------------------- phases 1 and 2

    private void throughputAndProviderRate() throws Exception {
        int parcels = Integer.getInteger("bench.parcels", 1000);
        try (BenchSystem system = new BenchSystem(inProcessUrl, TRACKING_SPEED_FAST, List.of(
                "--ingest.interval=PT1S", "--ingest.initial-delay=PT0S",
                "--notifier.provider-rate=100000",
                "--notifier.max-in-flight=512",
                "--phone.checks.batch-size=100",
                "--logging.level.root=WARN"))) {
            system.start(List.of("--sandbox.scenario.parcels=0", "--sandbox.clock.speed=1"));
            String sandbox = system.sandboxUrl();

            System.out.println("bench: phase 1, " + parcels + " parcels pre-posted and posted at once");
            // 1. throughput: every parcel is posted at once; then the clock jumps a day and all are delivered
            Instant t0 = Instant.now();
            createPostedParcels(sandbox, parcels, true);
            Instant created = Instant.now();
            waitUntil(Duration.ofSeconds(Long.getLong("bench.wave-timeout", 120)), () -> sent(sandbox) >= parcels);
            Instant shippedDone = Instant.now();
            http.send("POST", sandbox + "/sandbox/clock/advance?by=P2D", "");
            Instant advanced = Instant.now();
            waitUntil(Duration.ofSeconds(Long.getLong("bench.wave-timeout", 120)), () -> sent(sandbox) >= 2L * parcels);
            Instant done = Instant.now();
            settle(sandbox);

            Messages messages = new Messages(http.list(sandbox + "/sandbox/whatsapp/messages"));
            List<JsonNode> truth = http.list(sandbox + "/sandbox/scenario/parcels");
            long complete = 0;
            long missing = 0;
            List<Double> arrivedLatency = new ArrayList<>();
            List<Double> shippedLatency = new ArrayList<>();
            Instant lastMessage = t0;
            for (JsonNode p : truth) {
                List<Messages.Sent> got = messages.of(p.get("trackingCode").asString());
                boolean shipped = got.stream().anyMatch(m -> m.kind().equals("SHIPPED"));
                boolean arrived = got.stream().anyMatch(m -> m.kind().equals("ARRIVED"));
                missing += (shipped ? 0 : 1) + (arrived ? 0 : 1);
                complete += shipped && arrived ? 1 : 0;
                for (Messages.Sent m : got) {
                    lastMessage = m.sentAt().isAfter(lastMessage) ? m.sentAt() : lastMessage;
                    if (m.kind().equals("ARRIVED")) {
                        arrivedLatency.add(millis(advanced, m.sentAt()) / 1000.0);
                    } else {
                        shippedLatency.add(millis(t0, m.sentAt()) / 1000.0);
                    }
                }
            }
            double seconds = millis(t0, lastMessage) / 1000.0;
            Map<String, Object> p1 = new LinkedHashMap<>();
            p1.put("parcels", parcels);
            p1.put("parcelsWithBothMessages", complete);
            p1.put("secondsFromFirstPrePostingToLastMessage", seconds);
            p1.put("parcelsPerSecond", complete / seconds);
            p1.put("shippedWaveSeconds", millis(t0, shippedDone) / 1000.0);
            p1.put("arrivedWaveSeconds", millis(advanced, done) / 1000.0);
            p1.put("creatingParcelsSeconds", millis(t0, created) / 1000.0);
            p1.put("arrivedAfterEventVisibleSecondsP50", Percentiles.of(arrivedLatency).at(50));
            p1.put("arrivedAfterEventVisibleSecondsP99", Percentiles.of(arrivedLatency).at(99));
            p1.put("shippedAfterPrePostingSecondsP50", Percentiles.of(shippedLatency).at(50));
            p1.put("shippedAfterPrePostingSecondsP99", Percentiles.of(shippedLatency).at(99));
            p1.put("duplicates", messages.duplicates());
            p1.put("missing", missing);
            results.put("throughput", p1);
            row("1 throughput (parcels/s, pre-posting -> both msgs)", "%.1f  (%d of %d parcels in %.1f s; target 1000)",
                    complete / seconds, complete, parcels, seconds);
            row("  SHIPPED wave / ARRIVED wave", "%.1f s / %.1f s", millis(t0, shippedDone) / 1000.0,
                    millis(advanced, done) / 1000.0);
            row("  duplicates / missing", "%d / %d", messages.duplicates(), missing);

            // 2. provider-limited sending, each rate against a backlog the notifier finds on start
            List<Map<String, Object>> rates = new ArrayList<>();
            for (int rate : new int[] {80, 1000}) {
                rates.add(providerRate(system, rate));
            }
            results.put("providerRate", rates);
        }
    }

    private Map<String, Object> providerRate(BenchSystem system, int rate) throws Exception {
        String sandbox = system.sandboxUrl();
        int parcels = (int) Math.min(Integer.getInteger("bench.rate-parcels-max", 6000), rate * 12L);
        System.out.println("bench: phase 2, provider rate " + rate + "/s, backlog of " + parcels + " messages");
        system.stopService(Svc.NOTIFIER);
        long before = (long) sent(sandbox);
        long statusBefore = notifierInputs(system);
        createPostedParcels(sandbox, parcels, false);
        // the upstream services register, validate and track them while the notifier is down
        waitUntil(Duration.ofSeconds(Long.getLong("bench.wave-timeout", 120)),
                () -> notifierInputs(system) >= statusBefore + 2L * parcels);
        // the notifier takes the backlog in while the fake WhatsApp refuses its credentials, which stops
        // all sending (the rows stay due); so the measured sends are not paced by the notifier's Kafka intake
        http.send("PUT", sandbox + "/sandbox/faults", "{\"whatsapp\": {\"tokenExpired\": true}}");
        system.startService(Svc.NOTIFIER, List.of("--notifier.auth-failure-pause=PT10M"));
        waitUntil(Duration.ofSeconds(Long.getLong("bench.wave-timeout", 120)),
                () -> Topics.lag(system.bootstrapServers(), "notifier") == 0);
        system.stopService(Svc.NOTIFIER);
        // the sends the intake tried were refused (auth failure) and put off until the end of the pause:
        // due again now, so the whole backlog is there for the measured run
        int putOff = system.update(Svc.NOTIFIER,
                "UPDATE notification SET next_attempt_at = CURRENT_TIMESTAMP(6) WHERE state = 'PENDING'");
        System.out.println("bench: " + putOff + " pending messages made due again after the intake");
        http.send("DELETE", sandbox + "/sandbox/faults", "");
        http.send("PUT", sandbox + "/sandbox/faults", "{\"whatsapp\": {\"latency\": \"PT0.2S\"}}");
        Instant start = Instant.now();
        system.startService(Svc.NOTIFIER, List.of("--notifier.provider-rate=" + rate));
        waitUntil(Duration.ofSeconds(Math.max(30, parcels / rate * 3L)), () -> sent(sandbox) >= before + parcels);
        http.send("DELETE", sandbox + "/sandbox/faults", "");
        List<Instant> times = new Messages(http.list(sandbox + "/sandbox/whatsapp/messages")).all().stream()
                .skip(before).map(Messages.Sent::sentAt).sorted().toList();
        double achieved = steadyRate(times);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configuredPerSecond", rate);
        out.put("backlogMessages", parcels);
        out.put("sent", times.size());
        out.put("achievedPerSecond", achieved);
        out.put("fraction", achieved / rate);
        out.put("notifierStartToLastSendSeconds", times.isEmpty() ? 0 : millis(start, times.getLast()) / 1000.0);
        row("2 provider rate " + rate + "/s, 200 ms latency", "%.1f/s achieved = %.0f%% (%d sent of %d; target 95%%)",
                achieved, 100 * achieved / rate, times.size(), parcels);
        return out;
    }

    /** Sends per second between the 10th and the 90th percentile send (start-up and tail left out). */
    static double steadyRate(List<Instant> sortedTimes) {
        if (sortedTimes.size() < 10) {
            return 0;
        }
        int from = sortedTimes.size() / 10;
        int to = sortedTimes.size() * 9 / 10;
        double seconds = millis(sortedTimes.get(from), sortedTimes.get(to)) / 1000.0;
        return seconds <= 0 ? 0 : (to - from) / seconds;
    }

    // ---------------------------------------------------------------- phases 3 and 4

    private void correiosEfficiencyAndLatency() throws Exception {
        int parcels = Integer.getInteger("bench.life-parcels", 300);
        long windowSeconds = Long.getLong("bench.life-seconds", 150);
        try (BenchSystem system = new BenchSystem(inProcessUrl, LIFE_CLOCK, List.of(
                "--ingest.interval=PT1S", "--ingest.initial-delay=PT0S", "--notifier.provider-rate=1000", "--logging.level.root=WARN"))) {
            system.start(List.of("--sandbox.scenario.parcels=" + parcels, "--sandbox.scenario.spread=PT12H",
                    "--sandbox.clock.speed=" + LIFE_CLOCK));
            String sandbox = system.sandboxUrl();
            System.out.println("bench: phase 3, " + parcels + " generated parcels living on a clock x" + LIFE_CLOCK);
            JsonNode clock = http.get(sandbox + "/sandbox/clock");
            Instant realStart = Instant.now();
            LocalDateTime simStart = Messages.simulated(clock.get("simulatedNow").asString());
            waitUntil(Duration.ofSeconds(windowSeconds), () -> allFinishedAndSent(sandbox));
            settle(sandbox);
            LocalDateTime simEnd = Messages.simulated(http.get(sandbox + "/sandbox/clock").get("simulatedNow").asString());
            double rastroRequests = http.metric(sandbox, "http_server_requests_seconds_count", "/srorastro/v1/objetos");
            double objectPolls = http.metric(system.serviceUrl(Svc.TRACKING_POLLER), "tracking_rastro_codes_per_request_sum", null);

            Messages messages = new Messages(http.list(sandbox + "/sandbox/whatsapp/messages"));
            List<JsonNode> truth = http.list(sandbox + "/sandbox/scenario/parcels");
            List<FixedSchedule.Span> spans = new ArrayList<>();
            long arrivedMessages = 0;
            Map<String, List<Double>> scheduleByLifecycle = new java.util.TreeMap<>();
            List<Double> scheduleMinutes = new ArrayList<>(); // event -> first Rastro answer showing it, simulated
            List<Double> pipelineMillis = new ArrayList<>(); // that answer -> message at the fake WhatsApp, real
            List<String> slowestSchedule = new ArrayList<>();
            List<Double> endToEndSeconds = new ArrayList<>();
            List<Double> arrivedEndToEnd = new ArrayList<>();
            long missing = 0;
            long unfinished = 0;
            for (JsonNode p : truth) {
                String code = p.get("trackingCode").asString();
                List<JsonNode> events = new ArrayList<>();
                p.get("correiosEvents").forEach(events::add);
                boolean terminal = p.get("finished").asBoolean() && !events.isEmpty()
                        && !"STALLED".equals(p.get("lifecycle").asString());
                LocalDateTime until = terminal ? Messages.simulated(events.getFirst().get("dtHrCriado").asString()) : simEnd;
                spans.add(new FixedSchedule.Span(Messages.simulated(p.get("prePostedAt").asString()), until));
                List<Messages.Sent> got = messages.of(code);
                int due = (p.get("shippedExpected").asBoolean() ? 1 : 0) + (p.get("arrivedExpected").asBoolean() ? 1 : 0);
                if (!p.get("finished").asBoolean()) {
                    unfinished++;
                } else {
                    missing += Math.max(0, due - got.stream().map(Messages.Sent::kind).distinct().count());
                }
                for (Messages.Sent m : got) {
                    LocalDateTime event = m.kind().equals("ARRIVED") ? arrivalEvent(events) : postingEvent(events);
                    if (event == null) {
                        continue;
                    }
                    if (m.kind().equals("ARRIVED")) {
                        arrivedMessages++;
                        JsonNode served = p.get("correiosEventsFirstServedAt").get(arrivalIndex(events));
                        if (served != null && !served.isNull()) {
                            LocalDateTime seen = Messages.simulated(served.asString());
                            double schedule = Duration.between(event, seen).toSeconds() / 60.0;
                            scheduleMinutes.add(schedule);
                            // the sandbox's clock runs LIFE_CLOCK times real time: simulated time / LIFE_CLOCK = real time
                            pipelineMillis.add(Duration.between(seen, m.simulatedAt()).toMillis() / LIFE_CLOCK);
                            scheduleByLifecycle.computeIfAbsent(p.get("lifecycle").asString(), k -> new ArrayList<>())
                                    .add(schedule);
                            slowestSchedule.add(String.format("%08.1f min %s %s", schedule, code, p.get("lifecycle").asString()));
                        }
                    }
                    Instant visible = realStart.plusMillis((long) (Duration.between(simStart, event).toMillis() / LIFE_CLOCK));
                    if (!event.isBefore(simStart)) {
                        endToEndSeconds.add(millis(visible, m.sentAt()) / 1000.0);
                        if (m.kind().equals("ARRIVED")) {
                            arrivedEndToEnd.add(millis(visible, m.sentAt()) / 1000.0);
                        }
                    }
                }
            }
            FixedSchedule.Cost fixed = new FixedSchedule(Duration.ofMinutes(15), 50).cost(spans, simStart, simEnd);
            Percentiles e2e = Percentiles.of(endToEndSeconds);
            Map<String, Object> p3 = new LinkedHashMap<>();
            p3.put("parcels", truth.size());
            p3.put("clockSpeed", LIFE_CLOCK);
            p3.put("simulatedHours", Duration.between(simStart, simEnd).toMinutes() / 60.0);
            p3.put("parcelsNotFinished", unfinished);
            p3.put("adaptiveRastroRequests", (long) rastroRequests);
            p3.put("adaptiveRequestsPerParcel", rastroRequests / truth.size());
            p3.put("adaptiveObjectPollsPerParcel", objectPolls / truth.size());
            p3.put("fixed15MinRequests", fixed.requests());
            p3.put("fixed15MinRequestsPerParcel", (double) fixed.requests() / truth.size());
            p3.put("fixed15MinObjectPollsPerParcel", (double) fixed.objectPolls() / truth.size());
            p3.put("fixedScheduleIsComputed", "analytically from the same lifecycles and window, not run");
            p3.put("requestRatioAdaptiveToFixed", rastroRequests / fixed.requests());
            p3.put("arrivedMessages", arrivedMessages);
            Percentiles schedule = Percentiles.of(scheduleMinutes);
            Percentiles pipeline = Percentiles.of(pipelineMillis);
            p3.put("arrivedMessagesWithBothParts", schedule.count());
            p3.put("arrivalEventToFirstRastroAnswerSimMinutesP50", schedule.at(50));
            p3.put("arrivalEventToFirstRastroAnswerSimMinutesP95", schedule.at(95));
            p3.put("firstRastroAnswerToArrivedAtProviderRealMillisP50", pipeline.at(50));
            p3.put("firstRastroAnswerToArrivedAtProviderRealMillisP95", pipeline.at(95));
            p3.put("firstRastroAnswerToArrivedAtProviderRealMillisP99", pipeline.at(99));
            p3.put("firstRastroAnswerToArrivedAtProviderRealMillisMax", pipeline.at(100));
            Map<String, String> byLifecycle = new LinkedHashMap<>();
            scheduleByLifecycle.forEach((lifecycle, delays) -> byLifecycle.put(lifecycle, String.format(
                    "n=%d p50=%.1f p95=%.1f", delays.size(), Percentiles.of(delays).at(50), Percentiles.of(delays).at(95))));
            p3.put("arrivalEventToFirstRastroAnswerByLifecycle", byLifecycle);
            p3.put("arrivalEventToFirstRastroAnswerSlowest",
                    slowestSchedule.stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList());
            results.put("correios", p3);
            Map<String, Object> p4 = new LinkedHashMap<>();
            p4.put("eventVisibleToMessageSentSecondsP50", e2e.at(50));
            p4.put("eventVisibleToMessageSentSecondsP99", e2e.at(99));
            p4.put("messagesMeasured", e2e.count());
            Percentiles arrivedE2e = Percentiles.of(arrivedEndToEnd);
            p4.put("arrivedOnlySecondsP50", arrivedE2e.at(50));
            p4.put("arrivedOnlySecondsP99", arrivedE2e.at(99));
            p4.put("duplicates", messages.duplicates());
            p4.put("missingOfFinishedParcels", missing);
            results.put("latency", p4);
            row("3 Rastro requests per parcel: adaptive vs fixed 15 min", "%.2f vs %.2f (ratio %.2f; target <= 0.45)",
                    rastroRequests / truth.size(), (double) fixed.requests() / truth.size(), rastroRequests / fixed.requests());
            row("  object polls per parcel: adaptive vs fixed", "%.1f vs %.1f", objectPolls / truth.size(),
                    (double) fixed.objectPolls() / truth.size());
            row("  ARRIVED, schedule: event -> first Rastro answer", "p50 %.1f / p95 %.1f simulated min (target p95 <= 10; "
                    + "%d of %d ARRIVED)", schedule.at(50), schedule.at(95), schedule.count(), arrivedMessages);
            row("  ARRIVED, pipeline: that answer -> at the provider", "p50 %.0f / p95 %.0f / p99 %.0f ms real (target p99 <= 1 s)",
                    pipeline.at(50), pipeline.at(95), pipeline.at(99));
            row("4 event visible -> message sent, real s p50 / p99", "%.2f / %.2f (%d messages, clock x%.0f)",
                    e2e.at(50), e2e.at(99), e2e.count(), LIFE_CLOCK);
            row("  ARRIVED only: event visible -> sent, real s p50 / p99", "%.2f / %.2f", arrivedE2e.at(50), arrivedE2e.at(99));
            row("  duplicates / missing (finished parcels)", "%d / %d (%d parcels unfinished at the end)",
                    messages.duplicates(), missing, unfinished);
        }
    }

    // ---------------------------------------------------------------- phase 5

    /**
     * JVM options of a service process: the heap a container gets under the Kubernetes manifests
     * (768 MiB limit, {@code -XX:MaxRAMPercentage=75} in the image).
     */
    static final List<String> SERVICE_JVM = List.of("-Xmx576m", "-XX:+ExitOnOutOfMemoryError");

    /** Each service in a JVM of its own, as deployed, through a generated scenario: peak heap and RSS per service. */
    private void memoryPerService() throws Exception {
        ServiceJars jars = ServiceJars.find();
        if (!jars.complete()) {
            row("5 memory per service", NO_JARS);
            return;
        }
        int parcels = Integer.getInteger("bench.memory-parcels", 300);
        long windowSeconds = Long.getLong("bench.memory-seconds", 180);
        try (BenchSystem system = new BenchSystem(mysqlUrl, LIFE_CLOCK, List.of(
                "--ingest.interval=PT1S", "--ingest.initial-delay=PT0S", "--notifier.provider-rate=1000", "--logging.level.root=WARN"))) {
            system.startInfrastructure(List.of("--sandbox.scenario.parcels=" + parcels, "--sandbox.scenario.spread=PT12H",
                    "--sandbox.clock.speed=" + LIFE_CLOCK));
            Path logs = Files.createDirectories(Path.of("bench-results"));
            Map<Svc, Process> processes = new java.util.EnumMap<>(Svc.class);
            for (Svc svc : Svc.values()) {
                processes.put(svc, system.startServiceProcess(svc, jars.asDeployed(svc, SERVICE_JVM),
                        logs.resolve("memory-" + svc.serviceName() + ".log")));
            }
            System.out.println("bench: phase 5, each service in its own JVM (" + String.join(" ", SERVICE_JVM) + "), "
                    + parcels + " generated parcels on a clock x" + LIFE_CLOCK);
            String sandbox = system.sandboxUrl();
            try (ProcessMemoryWatch watch = new ProcessMemoryWatch(system, processes, http)) {
                waitUntil(Duration.ofSeconds(windowSeconds), () -> allFinishedAndSent(sandbox));
                Map<String, Object> p5 = new LinkedHashMap<>();
                p5.put("jvmOptions", SERVICE_JVM);
                p5.put("parcels", parcels);
                p5.put("messagesSent", sent(sandbox));
                watch.peaks().forEach((svc, peak) -> {
                    String log = "bench-results/memory-" + svc.serviceName() + ".log";
                    if (peak.heapBytes() == 0) { // its actuator never answered: it did not start
                        p5.put(svc.serviceName(), Map.of("failed", "never answered on its actuator, see " + log));
                        row("5 " + svc.serviceName() + ": peak heap used / peak RSS", "NOT MEASURED: the service did not "
                                + "start or never answered (exit %s), see %s", processes.get(svc).isAlive() ? "none"
                                : String.valueOf(processes.get(svc).exitValue()), log);
                        return;
                    }
                    p5.put(svc.serviceName(), Map.of("peakHeapMiB", peak.heapBytes() / (1024 * 1024),
                            "peakRssMiB", peak.rssBytes() / (1024 * 1024)));
                    row("5 " + svc.serviceName() + ": peak heap used / peak RSS", "%d MiB / %d MiB",
                            peak.heapBytes() / (1024 * 1024), peak.rssBytes() / (1024 * 1024));
                });
                results.put("memoryPerService", p5);
            }
        }
    }

    private static final String NO_JARS = "skipped: the services' -exec.jar files are not built (run the build command "
            + "of the README from the repository root)";

    // ---------------------------------------------------------------- phase 6

    /** Each service in a JVM of its own: its CPU time per parcel carried, its idle CPU, sending at 1,000/s. */
    private void costPerParcel() throws Exception {
        ServiceJars jars = ServiceJars.find();
        if (!jars.complete()) {
            row("6 cost per parcel", NO_JARS);
            return;
        }
        new CostPerParcel(this, http).run(jars, inProcessUrl);
    }

    /** When ARRIVED became due: the first delivery (BDE/BDI/BDR 01) or pickup notice (LDI). */
    static LocalDateTime arrivalEvent(List<JsonNode> newestFirst) {
        int i = arrivalIndex(newestFirst);
        return i < 0 ? null : Messages.simulated(newestFirst.get(i).get("dtHrCriado").asString());
    }

    /** Index (newest first) of the event that made ARRIVED due: the oldest LDI or BDE/BDI/BDR 01; -1 if none. */
    static int arrivalIndex(List<JsonNode> newestFirst) {
        int first = -1;
        for (int i = 0; i < newestFirst.size(); i++) {
            JsonNode e = newestFirst.get(i);
            String code = e.get("codigo").asString();
            if (code.equals("LDI") || (code.matches("BDE|BDI|BDR") && e.get("tipo").asString().equals("01"))) {
                first = i;
            }
        }
        return first;
    }

    /** When SHIPPED became due: the posting event (PO). */
    static LocalDateTime postingEvent(List<JsonNode> newestFirst) {
        for (JsonNode e : newestFirst.reversed()) {
            if (e.get("codigo").asString().equals("PO")) {
                return Messages.simulated(e.get("dtHrCriado").asString());
            }
        }
        return null;
    }

    private boolean allFinishedAndSent(String sandbox) {
        long due = 0;
        for (JsonNode p : http.list(sandbox + "/sandbox/scenario/parcels")) {
            String lifecycle = p.get("lifecycle").asString();
            if (!p.get("finished").asBoolean() && !lifecycle.equals("NEVER_POSTED") && !lifecycle.equals("STALLED")) {
                return false;
            }
            due += (p.get("shippedExpected").asBoolean() ? 1 : 0) + (p.get("arrivedExpected").asBoolean() ? 1 : 0);
        }
        return sent(sandbox) >= due;
    }

    // ---------------------------------------------------------------- helpers

    /** Creates parcels with a WhatsApp account, posted now; with {@code delivered} also delivered a day later. */
    void createPostedParcels(String sandbox, int count, boolean delivered) throws InterruptedException {
        String events = "{\"codigo\":\"PO\",\"tipo\":\"01\",\"descricao\":\"Objeto postado\"}"
                + (delivered ? ",{\"codigo\":\"BDE\",\"tipo\":\"01\",\"descricao\":\"Objeto entregue ao destinatário\",\"after\":\"P1D\"}" : "");
        String body = "{\"parcel\":{\"phoneKind\":\"MOBILE_WITH_NINTH_DIGIT\",\"events\":[" + events + "]}}";
        Semaphore inFlight = new Semaphore(16);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                executor.submit(() -> {
                    try {
                        http.send("POST", sandbox + "/sandbox/scenario/parcels", body);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    /** Status and contact records on the notifier's input topics (read from the broker's end offsets). */
    long notifierInputs(BenchSystem system) {
        return Topics.endOffsets(system.bootstrapServers(), "shipments.status.v1", "shipments.contacts.v1");
    }

    double sent(String sandbox) {
        return http.metric(sandbox, "sandbox_whatsapp_messages_total", null);
    }

    /** Waits a little so late duplicates, if any, would show up in the count. */
    void settle(String sandbox) throws InterruptedException {
        double before;
        do {
            before = sent(sandbox);
            Thread.sleep(3000);
        } while (sent(sandbox) != before);
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        waitUntil(timeout, condition, Duration.ofMillis(500));
    }

    /** Asks {@code condition} every {@code poll} until it holds (true) or {@code timeout} passed (false, said so). */
    static boolean waitUntil(Duration timeout, BooleanSupplier condition, Duration poll) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(poll.toMillis());
        }
        System.err.println("bench: time bound of " + timeout.toSeconds() + " s reached; measuring what was done");
        return false;
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    void row(String what, String format, Object... args) {
        String line = String.format("%-52s %s", what, String.format(format, args));
        table.add(line);
        System.out.println("bench: " + line);
    }

    private void write(Instant started) throws Exception {
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path file = dir.resolve("bench-" + stamp + ".json");
        results.put("startedAt", started.toString());
        results.put("cpus", Runtime.getRuntime().availableProcessors());
        Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("\n==================== benchmark (" + stamp + " UTC) ====================");
        table.forEach(System.out::println);
        System.out.println("JSON: " + file.toAbsolutePath());
    }
}
