package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One sandbox for the API tests: no generated parcels (each test creates its own through the
 * admin API), a real-time clock (tests jump it with {@code /sandbox/clock/advance}), and status
 * webhooks posted to a real local endpoint.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sandbox.scenario.parcels=0",
            "sandbox.clock.speed=1",
            "sandbox.correios.token-lifetime=PT1H",
            "sandbox.whatsapp.webhook-delay=PT0.05S"
        })
abstract class SandboxApiTestBase {

    static final WebhookReceiver WEBHOOKS = WebhookReceiver.start();

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("sandbox.whatsapp.webhook-url", WEBHOOKS::url);
    }

    @LocalServerPort
    int port;

    SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @AfterEach
    void switchFaultsOff() {
        http.delete("/sandbox/faults");
    }

    /** Generated parcels through the admin API. */
    JsonNode generate(int count, @Nullable String lifecycle, @Nullable String phoneKind) {
        Map<String, Object> request = new HashMap<>();
        request.put("count", count);
        if (lifecycle != null) {
            request.put("lifecycle", lifecycle);
        }
        if (phoneKind != null) {
            request.put("phoneKind", phoneKind);
        }
        SandboxHttp.Reply reply = http.post("/sandbox/scenario/parcels", Map.of(), request);
        if (reply.status() != 201) {
            throw new AssertionError("create answered " + reply.status() + ": " + reply.raw());
        }
        return reply.json();
    }

    /** One parcel as given, through the admin API. */
    JsonNode create(Map<String, Object> parcel) {
        SandboxHttp.Reply reply = http.post("/sandbox/scenario/parcels", Map.of(), Map.of("parcel", parcel));
        if (reply.status() != 201) {
            throw new AssertionError("create answered " + reply.status() + ": " + reply.raw());
        }
        return reply.json().get(0);
    }

    /** The Cloud API status webhooks received for one message. */
    List<WebhookReceiver.Received> webhooksOf(String messageId) {
        return WEBHOOKS.received().stream()
                .filter(w -> JsonMapper.builder().build().readTree(w.body()).toString().contains("\"statuses\""))
                .filter(w -> statusIn(w).get("id").asString().equals(messageId)).toList();
    }

    /** The statuses received for one Cloud API message, in arrival order. */
    List<String> statusesOf(String messageId) {
        return webhooksOf(messageId).stream().map(w -> statusIn(w).get("status").asString()).toList();
    }

    /** The one status of a Cloud API status webhook. */
    static JsonNode statusIn(WebhookReceiver.Received webhook) {
        JsonNode root = JsonMapper.builder().build().readTree(webhook.body());
        assertThat(root.get("object").asString()).isEqualTo("whatsapp_business_account");
        JsonNode change = root.get("entry").get(0).get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("messages");
        return change.get("value").get("statuses").get(0);
    }
}
