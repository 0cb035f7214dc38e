package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import br.com.techassist.shipments.support.security.ApiKey;
import br.com.techassist.shipments.support.security.ApiRoles;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system in one JVM against the sandbox on a fast clock: 100 parcels go through their
 * Correios lives and the fake WhatsApp's inspection API must show exactly the messages the
 * two-message rule calls for, addressed to the id WhatsApp really knows. Then the system is
 * restarted on the same data and must send nothing more for the parcels that were finished.
 */
class StandaloneEndToEndIT {

    private static final int PARCELS = 100;
    /**
     * Four simulated days per real minute: fast enough for whole lives in a few minutes, slow enough
     * that the system (pulling pre-postings every second) sees each parcel posted before it is
     * delivered, as it would in real life, so every SHIPPED the ground truth expects is really due.
     */
    private static final double CLOCK_SPEED = 5_760;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR_KEY = "e2e_" + java.util.UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> toStop = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toStop.size() - 1; i >= 0; i--) {
            toStop.get(i).close();
        }
    }

    @Test
    void everyParcelGetsTheMessagesItIsDueExactlyOnceAndARestartSendsNothingNew() throws Exception {
        int portBase = TestPorts.freePortBlock(18_180);
        int sandboxPort = TestPorts.freePort();
        String sandbox = "http://localhost:" + sandboxPort;
        ConfigurableApplicationContext sandboxContext = TestSandbox.start(sandboxPort, portBase + 4, CLOCK_SPEED,
                "--sandbox.scenario.parcels=0");
        toStop.add(sandboxContext::close);
        var settings = new StandaloneSettings(true, null, null, dataDir, sandbox, sandboxPort, PARCELS,
                CLOCK_SPEED, portBase, "PT1S");

        StandaloneApplication first = new StandaloneApplication(settings);
        toStop.add(first::stop);
        first.start(new String[] {"--API_KEYS=" + ApiKey.entry("e2e-operator", ApiRoles.OPERATOR, OPERATOR_KEY)});
        // parcels are created once the system is up, so their lives unfold while it watches
        post(sandbox + "/sandbox/scenario/parcels", "{\"count\":" + PARCELS + "}", 201, null);

        Awaitility.await("every parcel that is due a message finished its life and got it")
                .atMost(Duration.ofMinutes(9))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(missingMessages(sandbox)).isEmpty());

        List<JsonNode> parcels = parcels(sandbox);
        Map<String, List<JsonNode>> byParcel = messagesByParcel(sandbox, parcels);
        int withWhatsapp = 0;
        for (JsonNode parcel : parcels) {
            String code = parcel.get("trackingCode").asString();
            List<JsonNode> got = byParcel.getOrDefault(code, List.of());
            assertThat(got).as("messages of %s", code).hasSizeLessThanOrEqualTo(2);
            if (parcel.get("whatsappId").isNull() || parcel.get("whatsappId").isMissingNode()) {
                assertThat(got).as("%s has no WhatsApp: nothing may be sent", code).isEmpty();
                continue;
            }
            withWhatsapp++;
            List<String> kinds = got.stream().map(StandaloneEndToEndIT::kindOf).toList();
            List<String> expected = new ArrayList<>();
            if (parcel.get("shippedExpected").asBoolean()) {
                expected.add("SHIPPED");
            }
            if (parcel.get("arrivedExpected").asBoolean()) {
                expected.add("ARRIVED");
            }
            assertThat(kinds).as("kinds of the messages of %s (%s)", code, parcel.get("lifecycle").asString())
                    .containsExactlyElementsOf(expected);
            String firstName = parcel.get("recipientName").asString().split(" ")[0];
            for (JsonNode message : got) {
                assertThat(message.get("waId").asString()).as("addressee of %s", code)
                        .isEqualTo(parcel.get("whatsappId").asString());
                assertThat(message.get("delivery").asString()).isEqualTo("DELIVERED");
                assertThat(message.get("text").asString()).contains(code).contains(firstName);
            }
        }
        assertThat(withWhatsapp).as("the scenario has parcels with WhatsApp").isGreaterThan(PARCELS / 2);

        assertThat(metricsNoServiceExposes(portBase))
                .as("metrics that deploy/prometheus rules or deploy/grafana dashboards query but no running service exposes")
                .isEmpty();

        new ErasureByPhone(sandbox, portBase).run();
        PersonalDataScan.Result scan = new PersonalDataScan(
                parcels(sandbox).stream().map(p -> p.get("recipientName").asString()).toList(),
                parcels(sandbox).stream().flatMap(p -> phonesOf(p).stream()).toList())
                .scan(first.bootstrapServers());
        System.out.printf("StandaloneEndToEndIT: personal-data scan read %s%n", scan.recordsPerTopic());
        assertThat(scan.recordsPerTopic()).as("records read per topic").containsKeys(
                "shipments.registered.v1", "shipments.contacts.v1", "shipments.status.v1", "shipments.notifications.v1",
                "shipments.privacy.v1");
        assertThat(scan.findings()).as("personal data outside the fields marked x-personal-data, on any topic").isEmpty();

        Set<String> finished = parcels.stream().filter(p -> p.get("finished").asBoolean())
                .map(p -> p.get("trackingCode").asString()).collect(Collectors.toSet());
        int sentBefore = messages(sandbox).size();
        first.stop();

        StandaloneApplication second = new StandaloneApplication(settings);
        toStop.add(second::stop);
        second.start(new String[] {"--API_KEYS=" + ApiKey.entry("e2e-operator", ApiRoles.OPERATOR, OPERATOR_KEY)});
        Awaitility.await("the restarted system stays quiet about finished parcels")
                .during(Duration.ofSeconds(20))
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> messages(sandbox).stream().skip(sentBefore)
                        .noneMatch(m -> finished.stream().anyMatch(code -> m.get("text").asString().contains(code))));
    }

    /**
     * Every metric name a dashboard or alert rule uses ({@code deploy/monitoring/referenced-metrics.txt})
     * must be exposed by one of the running services, except those that only appear after a rare
     * event ({@code event-driven-metrics.txt}, e.g. a dead letter or a token failure).
     */
    private List<String> metricsNoServiceExposes(int portBase) throws IOException, InterruptedException {
        Path monitoring = Path.of("..", "monitoring");
        Set<String> eventDriven = Set.copyOf(names(monitoring.resolve("event-driven-metrics.txt")));
        Set<String> exposed = new java.util.HashSet<>();
        for (int port = portBase + 1; port <= portBase + 4; port++) {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            scrape.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
        List<String> referenced = names(monitoring.resolve("referenced-metrics.txt"));
        assertThat(referenced).as("referenced-metrics.txt").hasSizeGreaterThan(10);
        return referenced.stream().filter(n -> !exposed.contains(n) && !eventDriven.contains(n)).toList();
    }

    private static List<String> names(Path file) throws IOException {
        return java.nio.file.Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** One line per parcel still short of a message it is due, or not yet at the end of its life. */
    private List<String> missingMessages(String sandbox) throws IOException, InterruptedException {
        List<JsonNode> parcels = parcels(sandbox);
        Map<String, List<JsonNode>> byParcel = messagesByParcel(sandbox, parcels);
        List<String> missing = new ArrayList<>();
        for (JsonNode p : parcels) {
            int due = (p.get("shippedExpected").asBoolean() ? 1 : 0) + (p.get("arrivedExpected").asBoolean() ? 1 : 0);
            int got = byParcel.getOrDefault(p.get("trackingCode").asString(), List.of()).size();
            if (due > 0 && (got < due || !p.get("finished").asBoolean())) {
                missing.add(p.get("trackingCode").asString() + " " + p.get("lifecycle").asString() + " "
                        + p.get("phoneKind").asString() + ": " + got + "/" + due + " messages, finished="
                        + p.get("finished").asBoolean());
            }
        }
        return missing;
    }

    private static String kindOf(JsonNode message) {
        String text = message.get("text").asString();
        if (text.contains("foi postada")) {
            return "SHIPPED";
        }
        if (text.contains("foi entregue") || text.contains("aguardando retirada")) {
            return "ARRIVED";
        }
        return "UNKNOWN: " + text;
    }

    private Map<String, List<JsonNode>> messagesByParcel(String sandbox, List<JsonNode> parcels)
            throws IOException, InterruptedException {
        Map<String, List<JsonNode>> out = new HashMap<>();
        List<JsonNode> messages = messages(sandbox);
        for (JsonNode parcel : parcels) {
            String code = parcel.get("trackingCode").asString();
            out.put(code, messages.stream().filter(m -> m.path("text").asString("").contains(code)).toList());
        }
        return out;
    }

    /** The recipient's numbers as digits: the WhatsApp id and each phone of the pre-posting with its DDD. */
    private static List<String> phonesOf(JsonNode parcel) {
        List<String> out = new ArrayList<>();
        JsonNode phone = parcel.path("phone");
        out.add(parcel.path("whatsappId").asString(""));
        out.add(phone.path("dddCelular").asString("") + phone.path("celular").asString(""));
        out.add(phone.path("dddTelefone").asString("") + phone.path("telefone").asString(""));
        return out.stream().map(d -> d.replaceAll("\\D", "")).filter(d -> d.length() >= 10).toList();
    }

    /**
     * LGPD erasure on request (issue 14), on the running system: one customer with two parcels (her
     * phone typed once with and once without the ninth digit) and a second customer. She opts out by
     * WhatsApp, then an operator asks prepost-ingest to erase her data by phone. Both her parcels, not
     * the other customer's, are erased and confirmed by all four services; a delivery after the
     * erasure sends her nothing (suppressed as erased); a new parcel to her number still respects
     * her opt-out, which survives as a keyed hash.
     */
    private final class ErasureByPhone {

        private final String sandbox;
        private final String ingest;
        private final String validator;
        private final String notifier;

        ErasureByPhone(String sandbox, int portBase) {
            this.sandbox = sandbox;
            this.ingest = "http://localhost:" + (portBase + 1);
            this.validator = "http://localhost:" + (portBase + 3);
            this.notifier = "http://localhost:" + (portBase + 4);
        }

        void run() throws Exception {
            String first = create("Ana Erasmo Lgpd", "999990771", "5568999990771");
            String second = create("Ana Erasmo Lgpd", "99990771", "5568999990771");
            String other = create("Bruno Outro Cliente", "999990772", "5568999990772");
            awaitShipped(first, second, other);
            post(sandbox + "/sandbox/whatsapp/inbound", "{\"from\":\"5568999990771\",\"text\":\"SAIR\"}", 201, null);

            JsonNode requested = JSON.readTree(post(ingest + "/api/privacy/erasures",
                    "{\"phone\":\"+55 (68) 99999-0771\"}", 202, OPERATOR_KEY));
            assertThat(list(requested.get("parcels")).stream().map(JsonNode::asString).toList())
                    .as("the parcels of the person with that phone, whichever way it was typed")
                    .containsExactlyInAnyOrder(first, second);
            String id = requested.get("id").asString();
            Awaitility.await("every service confirmed the erasure of both parcels")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> operatorGet(ingest + "/api/privacy/erasures/" + id).get("complete").asBoolean());
            JsonNode progress = operatorGet(ingest + "/api/privacy/erasures/" + id);
            for (JsonNode parcel : progress.get("parcels")) {
                assertThat(list(parcel.get("confirmed")).stream().map(c -> c.get("service").asString()).toList())
                        .as("services that confirmed %s", parcel.get("trackingCode").asString())
                        .containsExactlyInAnyOrder("prepost-ingest", "tracking-poller", "phone-validator", "notifier");
            }
            for (String code : List.of(first, second)) {
                JsonNode parcel = operatorGet(notifier + "/api/parcels/" + code);
                assertThat(parcel.get("erased").asBoolean()).as("%s erased in the notifier", code).isTrue();
                assertThat(parcel.get("contact").isNull()).as("%s has no contact left in the notifier", code).isTrue();
                JsonNode contact = operatorGet(validator + "/api/contacts/" + code);
                assertThat(contact.toString()).as("%s's contact in phone-validator", code).doesNotContain("0771")
                        .contains("erasedAt");
            }
            assertThat(operatorGet(notifier + "/api/parcels/" + other).get("erased").asBoolean())
                    .as("the other customer's parcel is untouched").isFalse();

            int sentBefore = messages(sandbox).size();
            post(sandbox + "/sandbox/scenario/parcels/" + first + "/events", "{\"codigo\":\"BDE\",\"tipo\":\"01\"}", 201, null);
            String afterOptOut = create("Ana Erasmo Lgpd", "999990771", "5568999990771");
            Awaitility.await("the delivery of the erased parcel and the opted-out customer's new parcel are settled")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(notification(first, "ARRIVED")).as("ARRIVED of the erased parcel")
                                .isEqualTo("SUPPRESSED erased");
                        assertThat(notification(afterOptOut, "SHIPPED")).as("SHIPPED to the opted-out customer")
                                .isEqualTo("SUPPRESSED opted_out");
                    });
            assertThat(messages(sandbox).stream().skip(sentBefore)
                    .filter(m -> m.path("text").asString("").contains(first) || m.path("text").asString("").contains(afterOptOut)))
                    .as("messages sent to her after the erasure").isEmpty();
        }

        /** A parcel posted at once, to a recipient with WhatsApp. */
        private String create(String name, String celular, String whatsappId) throws Exception {
            String body = "{\"parcel\":{\"name\":\"" + name + "\",\"dddCelular\":\"68\",\"celular\":\"" + celular
                    + "\",\"whatsappId\":\"" + whatsappId + "\",\"events\":[{\"codigo\":\"PO\",\"tipo\":\"01\"}]}}";
            return JSON.readTree(post(sandbox + "/sandbox/scenario/parcels", body, 201, null)).get(0).get("trackingCode")
                    .asString();
        }

        private void awaitShipped(String... codes) {
            Awaitility.await("SHIPPED sent for the erasure scenario's parcels")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> List.of(codes).stream().allMatch(code -> {
                        try {
                            return messages(sandbox).stream().anyMatch(m -> m.path("text").asString("").contains(code));
                        } catch (Exception e) {
                            return false;
                        }
                    }));
        }

        /** "STATE reason" of the parcel's notification of that kind in the notifier, or "none". */
        private String notification(String code, String kind) throws Exception {
            for (JsonNode n : operatorGet(notifier + "/api/parcels/" + code).path("notifications")) {
                if (kind.equals(n.path("kind").asString())) {
                    return n.path("state").asString() + " " + n.path("reason").asString("");
                }
            }
            return "none";
        }

        private JsonNode operatorGet(String url) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + OPERATOR_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    private String post(String url, String json, int expected, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expected);
        return response.body();
    }

    private List<JsonNode> parcels(String sandbox) throws IOException, InterruptedException {
        return list(get(sandbox + "/sandbox/scenario/parcels"));
    }

    private List<JsonNode> messages(String sandbox) throws IOException, InterruptedException {
        return list(get(sandbox + "/sandbox/whatsapp/messages"));
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> list(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("items");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
