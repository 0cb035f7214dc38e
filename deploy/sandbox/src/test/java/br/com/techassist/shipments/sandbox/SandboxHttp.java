package br.com.techassist.shipments.sandbox;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the sandbox under test; never throws on error statuses. */
final class SandboxHttp {

    private final RestClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxHttp(int port) {
        this(port, Duration.ofSeconds(30));
    }

    SandboxHttp(int port, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(readTimeout);
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(requests)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** A status code with the raw and parsed body. */
    record Reply(int status, String raw, HttpHeaders headers) {

        JsonNode json() {
            return JsonMapper.builder().build().readTree(raw);
        }
    }

    Reply get(String path, Map<String, String> headers) {
        return call(HttpMethod.GET, path, headers, null);
    }

    Reply get(String path) {
        return get(path, Map.of());
    }

    Reply post(String path, Map<String, String> headers, @Nullable Object body) {
        return call(HttpMethod.POST, path, headers, body);
    }

    Reply put(String path, Object body) {
        return call(HttpMethod.PUT, path, Map.of(), body);
    }

    Reply delete(String path) {
        return call(HttpMethod.DELETE, path, Map.of(), null);
    }

    /** A fresh Correios token for the default sandbox credentials. */
    String correiosToken() {
        Reply reply = post("/token/v1/autentica/cartaopostagem",
                Map.of(HttpHeaders.AUTHORIZATION, basic("sandbox", "sandbox-access-code")), Map.of("numero", "0076770702"));
        if (reply.status() != 201) {
            throw new AssertionError("token request answered " + reply.status() + ": " + reply.raw());
        }
        return reply.json().get("token").asString();
    }

    Map<String, String> bearer(String token) {
        return Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Reply call(HttpMethod method, String path, Map<String, String> headers, @Nullable Object body) {
        RestClient.RequestBodySpec request = client.method(method).uri(path).headers(h -> headers.forEach(h::set));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        return new Reply(response.getStatusCode().value(), response.getBody() == null ? "" : response.getBody(),
                response.getHeaders());
    }
}
