package br.com.techassist.shipments.notifier;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cloud API fake that accepts every send after {@code latency}, on virtual threads (no thread
 * limit), and counts what it received per number.
 */
public final class SlowWhatsApp {

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

    static {
        // the JDK server closes idle keep-alive connections beyond 200; a client reusing one then reads
        // EOF, which the notifier rightly records as UNCERTAIN. A real provider keeps them open longer.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        System.setProperty("sun.net.httpserver.idleInterval", "600");
    }

    private final HttpServer server;
    private final List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> perNumber = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private SlowWhatsApp(HttpServer server) {
        this.server = server;
    }

    public static SlowWhatsApp start(Duration latency) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
            SlowWhatsApp fake = new SlowWhatsApp(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                fake.starts.add(System.nanoTime());
                fake.maxInFlight.accumulateAndGet(fake.inFlight.incrementAndGet(), Math::max);
                try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher m = TO.matcher(body);
                    String to = m.find() ? m.group(1) : "unknown";
                    fake.perNumber.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(latency);
                    byte[] answer = """
                            {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                             "messages":[{"id":"wamid.%s"}]}""".formatted(to, to, java.util.UUID.randomUUID())
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    out.write(answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    fake.inFlight.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the WhatsApp fake", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Long> starts() {
        synchronized (starts) {
            return List.copyOf(starts);
        }
    }

    /** Forgets what was received so far. */
    public void reset() {
        starts.clear();
        perNumber.clear();
        maxInFlight.set(0);
    }

    /** How many sends the fake received in all. */
    public int received() {
        return starts.size();
    }

    public List<String> duplicates() {
        return perNumber.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void stop() {
        server.stop(0);
    }
}
