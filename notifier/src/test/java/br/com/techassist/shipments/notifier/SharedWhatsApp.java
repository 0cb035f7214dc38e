package br.com.techassist.shipments.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A fake Meta Cloud API for the test JVM (real wire format). By default every send is accepted with
 * a fresh {@code wamid} and the recipient as {@code wa_id}; a test stubs other answers for its own
 * recipient number, so tests never disturb each other.
 */
public final class SharedWhatsApp {

    public static final String MESSAGES = "/v21.0/106540352242922/messages";
    /** The phone number's Graph node: the Cloud API health check. */
    public static final String HEALTH = "/v21.0/106540352242922";
    private static WireMockServer server;

    private SharedWhatsApp() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer started = new WireMockServer(options().dynamicPort().templatingEnabled(true));
            started.start();
            started.stubFor(post(MESSAGES).atPriority(10).willReturn(accepted()));
            started.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(HEALTH).atPriority(10).willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                            {"verified_name":"Assistencia Tecnica","display_phone_number":"+55 11 3333-4444",
                             "quality_rating":"GREEN","id":"106540352242922"}""")));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "whatsapp-fake-shutdown"));
            warmUp(started);
            server = started;
        }
        return server;
    }

    /** One templated answer before the tests, so the first real send is not slowed by WireMock's start-up. */
    private static void warmUp(WireMockServer server) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + MESSAGES))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"warm-up\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the WhatsApp fake does not answer", e);
        }
    }

    /** The Cloud API's 200 answer, with a fresh message id and the recipient as its wa_id. */
    public static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        { "messaging_product": "whatsapp",
                          "contacts": [ { "input": "{{jsonPath request.body '$.to'}}", "wa_id": "{{jsonPath request.body '$.to'}}" } ],
                          "messages": [ { "id": "wamid.{{randomValue length=24 type='ALPHANUMERIC'}}" } ] }""");
    }

    /** A Cloud API error answer. */
    public static ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                { "error": { "message": "(#%d) %s", "type": "OAuthException", "code": %d,
                  "error_data": { "messaging_product": "whatsapp", "details": "%s" }, "fbtrace_id": "AbC123" } }"""
                .formatted(code, message, code, message));
    }

    /** A send to {@code to}, for stubbing. */
    public static MappingBuilder sendTo(String to) {
        return post(MESSAGES).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(to)));
    }

    /** Every send the fake received for {@code to}. */
    public static List<LoggedRequest> sendsTo(String to) {
        return server().findAll(postRequestedFor(urlPathMatching(".*/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(to))));
    }
}
