package br.com.techassist.shipments.standalone;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far the services' consumer groups are behind the end of their topics. */
final class Lag {

    private Lag() {}

    static long total(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (group.groupId().startsWith("fault-injection-it")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        lag += ends.get(e.getKey()).offset() - e.getValue().offset();
                    }
                }
            }
            return lag;
        }
    }
}
