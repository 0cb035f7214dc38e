package br.com.techassist.shipments.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the sandbox's admin and inspection API, and Prometheus text scraping. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    JsonNode get(String url) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    }

    JsonNode send(String method, String url, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        String answer = send(request);
        return answer.isBlank() ? JSON.nullNode() : JSON.readTree(answer);
    }

    List<JsonNode> list(String url) {
        List<JsonNode> out = new ArrayList<>();
        get(url).forEach(out::add);
        return out;
    }

    /** Sum of the samples of one Prometheus metric whose labels contain {@code labelPart} (or all). */
    double metric(String baseUrl, String name, String labelPart) {
        String text = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).GET().build());
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (labelPart == null || line.contains(labelPart)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
