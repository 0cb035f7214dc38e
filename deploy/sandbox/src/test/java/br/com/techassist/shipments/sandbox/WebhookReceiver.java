package br.com.techassist.shipments.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real HTTP endpoint that records the webhooks the sandbox posts: Cloud API webhooks on
 * {@code /webhooks/whatsapp} (raw body and signature), Evolution webhooks on
 * {@code /webhooks/evolution/**} (path, raw body and the {@code x-token} header).
 */
final class WebhookReceiver {

    /** One Cloud API webhook as received. */
    record Received(byte[] body, String signature) {}

    /** One Evolution webhook as received. */
    record EvolutionReceived(String path, byte[] body, String token) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EvolutionReceived> evolution = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/webhooks/whatsapp", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
                receiver.received.add(new Received(body, signature == null ? "" : signature));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.createContext("/webhooks/evolution", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String token = exchange.getRequestHeaders().getFirst("x-token");
                receiver.evolution.add(new EvolutionReceived(exchange.getRequestURI().getPath(), body,
                        token == null ? "" : token));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return base() + "/webhooks/whatsapp";
    }

    String evolutionUrl() {
        return base() + "/webhooks/evolution";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<EvolutionReceived> evolution() {
        return List.copyOf(evolution);
    }
}
