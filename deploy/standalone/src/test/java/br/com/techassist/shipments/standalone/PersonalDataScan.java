package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.model.PersonalDataFields;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every record of every {@code shipments.*} topic (values and headers) and reports each place
 * where a person's data shows outside the fields the contract marks as personal data
 * ({@link PersonalDataFields}, {@code x-personal-data: true} in the AsyncAPI document): a known name
 * or phone of the scenario's recipients (as digits, with or without +55 and the ninth digit), an
 * e-mail address or a formatted CPF/CNPJ.
 */
final class PersonalDataScan {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern DOCUMENT = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}");

    private final Set<String> personalFields = PersonalDataFields.names();
    private final List<String> names;
    private final List<String> phones;

    /**
     * @param names the recipients' full names
     * @param phones the recipients' numbers as digits (DDD + number, or with 55), in any of their forms
     */
    PersonalDataScan(Collection<String> names, Collection<String> phones) {
        this.names = names.stream().filter(n -> n != null && n.strip().length() >= 5).map(String::strip).toList();
        this.phones = phones.stream().filter(p -> p != null && p.length() >= 10).flatMap(p -> variants(p).stream())
                .distinct().toList();
    }

    /** The findings, one line each ({@code topic-partition@offset: what}); empty when clean. Also returns the count of records read. */
    Result scan(String bootstrapServers) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("key.deserializer", ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        config.put("enable.auto.commit", "false");
        List<String> findings = new ArrayList<>();
        Map<String, Integer> perTopic = new HashMap<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
                if (topic.getKey().startsWith("shipments.")) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topics to their end within a minute");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    perTopic.merge(r.topic(), 1, Integer::sum);
                    String where = r.topic() + "-" + r.partition() + "@" + r.offset();
                    findings.addAll(findingsIn(where, r.value(), r.headers()));
                }
            }
        }
        return new Result(findings, perTopic);
    }

    record Result(List<String> findings, Map<String, Integer> recordsPerTopic) {}

    /** What one record shows of a person outside the personal-data fields. */
    List<String> findingsIn(String where, byte @org.jspecify.annotations.Nullable [] value, Iterable<Header> headers) {
        List<String> findings = new ArrayList<>();
        if (value != null) {
            inspect(where + " value", outsidePersonalFields(value), findings);
        }
        for (Header h : headers) {
            if (h.value() != null) {
                inspect(where + " header " + h.key(), new String(h.value(), StandardCharsets.UTF_8), findings);
            }
        }
        return findings;
    }

    /** The record's JSON with every field the contract marks as personal data removed (anywhere in it). */
    private String outsidePersonalFields(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return text;
        }
        strip(tree);
        return tree.toString();
    }

    private void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            personalFields.forEach(object::remove);
        }
        node.forEach(this::strip);
    }

    private void inspect(String where, String text, List<String> findings) {
        // digit groups joined across the separators a phone is written with: "(68) 99999-0771" → 68999990771
        String digits = text.replaceAll("(?<=\\d)[\\s().+-]{1,3}(?=\\d)", "").replaceAll("[^0-9]", " ");
        for (String name : names) {
            if (text.contains(name)) {
                findings.add(where + ": a recipient's name (" + name.charAt(0) + "…)");
            }
        }
        for (String phone : phones) {
            if ((" " + digits + " ").contains(" " + phone + " ")) {
                findings.add(where + ": a recipient's phone (…" + phone.substring(phone.length() - 4) + ")");
            }
        }
        if (EMAIL.matcher(text).find()) {
            findings.add(where + ": an e-mail address");
        }
        if (DOCUMENT.matcher(text).find()) {
            findings.add(where + ": a CPF/CNPJ");
        }
    }

    /** 6899990001 → also 556899990001, 68999990001, 5568999990001 (the ninth digit added or removed). */
    private static List<String> variants(String digits) {
        String national = digits.startsWith("55") && digits.length() >= 12 ? digits.substring(2) : digits;
        List<String> out = new ArrayList<>(List.of(national, "55" + national));
        if (national.length() == 11 && national.charAt(2) == '9') {
            String without = national.substring(0, 2) + national.substring(3);
            out.addAll(List.of(without, "55" + without));
        } else if (national.length() == 10 && national.charAt(2) >= '6') {
            String with = national.substring(0, 2) + "9" + national.substring(2);
            out.addAll(List.of(with, "55" + with));
        }
        return out;
    }
}
