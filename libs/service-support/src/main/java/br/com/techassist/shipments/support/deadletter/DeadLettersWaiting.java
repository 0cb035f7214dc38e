package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.support.worker.Worker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;

/**
 * The gauge {@code shipments_dead_letters_waiting{topic}}: records in each dead-letter topic neither
 * replayed nor acknowledged (end offset of each partition minus the offset the acknowledging group
 * committed, or the oldest retained one, minus the replays past it), recomputed every
 * {@code refresh-interval}. It survives restarts, unlike a counter: the broker and the
 * {@code dead_letter_replay} table are the truth.
 */
public class DeadLettersWaiting implements SmartLifecycle {

    private final DeadLetterTopics topics;
    private final DeadLetterLog log;
    private final DeadLetterReplays replays;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Worker worker;

    public DeadLettersWaiting(DeadLetterTopics topics, DeadLetterLog log, DeadLetterReplays replays,
            MeterRegistry meters, DeadLetterProperties props) {
        this.topics = topics;
        this.log = log;
        this.replays = replays;
        this.meters = meters;
        this.worker = Worker.of("dead-letters-waiting", props.refreshInterval(), props.refreshInterval().multipliedBy(10),
                () -> {
                    refresh();
                    return false;
                });
    }

    /** Recomputes the gauge of every dead-letter topic now. */
    public void refresh() {
        for (String topic : topics.all()) {
            AtomicLong gauge = gauge(topic); // exposed (0) before the broker was ever asked
            long count = log.bounds(java.util.List.of(topic)).stream()
                    .mapToLong(b -> b.end() - b.acknowledged()
                            - replays.countFrom(topic, b.partition().partition(), b.acknowledged()))
                    .sum();
            gauge.set(Math.max(0, count));
        }
    }

    /** The last value computed for {@code topic}. */
    public long of(String topic) {
        return gauge(topic).get();
    }

    private AtomicLong gauge(String topic) {
        return waiting.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("shipments_dead_letters_waiting", value, AtomicLong::get)
                    .description("records in a dead-letter topic not yet replayed")
                    .tag("topic", t)
                    .register(meters);
            return value;
        });
    }

    @Override
    public void start() {
        topics.all().forEach(this::gauge); // every dead-letter topic has its series from the start
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
