package br.com.techassist.shipments.notifier.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of provider calls, lenient on answers: a body that is not JSON reads as missing. */
final class ProviderJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProviderJson() {}

    static String write(Object body) {
        return MAPPER.writeValueAsString(body);
    }

    /** POSTs {@code body} as JSON and maps the answer (status, body text); never throws. */
    static SendOutcome post(RestClient http, String path, Object body, BiFunction<Integer, String, SendOutcome> outcome) {
        try {
            return exchange(http, HttpMethod.POST, path, body, outcome);
        } catch (RuntimeException e) {
            return HttpFailures.classify(e);
        }
    }

    /** Calls {@code path} ({@code body} as JSON when not null) and maps the answer (status, body text); I/O errors are thrown. */
    static <T> T exchange(RestClient http, HttpMethod method, String path, Object body, BiFunction<Integer, String, T> answer) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(write(body));
        }
        return request.exchange((req, res) -> answer.apply(res.getStatusCode().value(), body(res)), true);
    }

    private static String body(ClientHttpResponse response) throws IOException {
        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(body);
        } catch (RuntimeException notJson) {
            return MAPPER.missingNode();
        }
    }

    /** The text of a node, or null when it is missing or null. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    static String abbreviate(String s) {
        String stripped = s == null ? "" : s.strip();
        return stripped.length() <= 200 ? stripped : stripped.substring(0, 200) + "…";
    }
}
