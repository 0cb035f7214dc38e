package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.model.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The dead-letter topics of this service: {@code <topic>.dlt} of every topic its
 * {@code @KafkaListener}s consume, the names the shared error handler's recoverer publishes to
 * ({@link Topics#deadLetter}).
 */
public class DeadLetterTopics {

    private final KafkaListenerEndpointRegistry listeners;

    public DeadLetterTopics(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    /** The dead-letter topics, sorted. */
    public List<String> all() {
        return listeners.getListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .filter(topic -> !topic.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .map(Topics::deadLetter)
                .distinct()
                .sorted()
                .toList();
    }

    public boolean contains(String topic) {
        return all().contains(topic);
    }
}
