package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Generated parcels unfolding on a fast clock: two simulated days per real second. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sandbox.scenario.parcels=24",
            "sandbox.scenario.seed=99",
            "sandbox.scenario.spread=PT12H",
            "sandbox.clock.speed=172800"
        })
class LifecycleIT {

    @LocalServerPort
    int port;

    SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @Test
    void aParcelMovesFromSro020ThroughItsEventsToDelivered() {
        SandboxHttp.Reply created = http.post("/sandbox/scenario/parcels", Map.of(),
                Map.of("count", 1, "lifecycle", "DELIVERED"));
        String code = created.json().get(0).get("trackingCode").asString();
        String token = http.correiosToken();
        List<String> observed = new ArrayList<>();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode object = http.get("/srorastro/v1/objetos?codigosObjetos=" + code + "&resultado=U", http.bearer(token))
                    .json().get("objetos").get(0);
            String state = object.has("mensagem") ? object.get("mensagem").asString().substring(0, 7)
                    : object.get("eventos").get(0).get("codigo").asString() + "/" + object.get("eventos").get(0).get("tipo").asString();
            if (observed.isEmpty() || !observed.getLast().equals(state)) {
                observed.add(state);
            }
            return state.equals("BDE/01");
        });

        assertThat(observed.getFirst()).isEqualTo("SRO-020");
        assertThat(observed).contains("PO/01").hasSizeGreaterThanOrEqualTo(4);
        assertThat(observed.indexOf("PO/01")).isLessThan(observed.indexOf("BDE/01"));
    }

    @Test
    void everyGeneratedLifecycleEndsAsItsGroundTruthSaysAndTrackingAgrees() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode parcels = http.get("/sandbox/scenario/parcels").json();
            for (JsonNode parcel : parcels) {
                if (!parcel.get("finished").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
        JsonNode parcels = http.get("/sandbox/scenario/parcels").json();
        String token = http.correiosToken();
        StringBuilder query = new StringBuilder("/srorastro/v1/objetos?resultado=T");
        Map<String, JsonNode> truth = new HashMap<>();
        for (JsonNode parcel : parcels) {
            if (!parcel.get("lifecycle").asString().equals("MANUAL") && truth.size() < 50) {
                truth.put(parcel.get("trackingCode").asString(), parcel);
                query.append("&codigosObjetos=").append(parcel.get("trackingCode").asString());
            }
        }
        assertThat(truth).hasSizeGreaterThanOrEqualTo(24);

        for (JsonNode object : http.get(query.toString(), http.bearer(token)).json().get("objetos")) {
            JsonNode parcel = truth.get(object.get("codObjeto").asString());
            String lifecycle = parcel.get("lifecycle").asString();
            if (lifecycle.equals("NEVER_POSTED")) {
                assertThat(object.get("mensagem").asString()).startsWith("SRO-020");
                assertThat(parcel.get("prePostingStatus").asString()).isEqualTo("EXPIRADO");
                continue;
            }
            JsonNode events = object.get("eventos");
            assertThat(events.size()).isEqualTo(parcel.get("correiosEvents").size());
            assertThat(parcel.get("prePostingStatus").asString()).isEqualTo("POSTADO");
            String last = events.get(0).get("codigo").asString() + "/" + events.get(0).get("tipo").asString();
            String expected = switch (lifecycle) {
                case "DELIVERED", "FAILED_ATTEMPT_THEN_DELIVERED", "EST_CORRECTION" -> "BDE/01";
                case "PICKUP_COLLECTED" -> "BDI/01";
                case "RETURNED" -> "BDE/23";
                case "STALLED" -> "RO/01";
                default -> throw new AssertionError(lifecycle);
            };
            assertThat(last).as(lifecycle).isEqualTo(expected);
            assertThat(events.get(events.size() - 1).get("codigo").asString()).isEqualTo("PO");
        }

        // the ground truth now says when an answer first showed each event (this request or an earlier one)
        for (JsonNode parcel : http.get("/sandbox/scenario/parcels").json()) {
            JsonNode served = parcel.get("correiosEventsFirstServedAt");
            JsonNode events = parcel.get("correiosEvents");
            assertThat(served.size()).isEqualTo(events.size());
            boolean asked = truth.containsKey(parcel.get("trackingCode").asString());
            for (int i = 0; i < events.size(); i++) {
                if (!asked) {
                    continue;
                }
                assertThat(served.get(i).isNull()).as("first served, %s", parcel.get("trackingCode")).isFalse();
                assertThat(served.get(i).asString()).isGreaterThanOrEqualTo(events.get(i).get("dtHrCriado").asString());
            }
        }
    }
}
