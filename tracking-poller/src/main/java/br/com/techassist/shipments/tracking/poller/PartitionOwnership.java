package br.com.techassist.shipments.tracking.poller;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The partitions of {@code shipments.registered.v1} this instance is assigned right now. An object
 * belongs to the partition it was registered on, so the consumer group's assignment splits the
 * objects between instances with no overlap; when an instance leaves, the group reassigns its
 * partitions and with them its objects.
 */
@Component
class PartitionOwnership {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    void assigned(Collection<Integer> partitions) {
        owned.addAll(partitions);
        log.info("now polling the objects of partitions {} (added {})", new TreeSet<>(owned), partitions);
    }

    void revoked(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        log.info("no longer polling the objects of partitions {} (now {})", partitions, new TreeSet<>(owned));
    }

    /** A snapshot of the partitions owned now. */
    Set<Integer> partitions() {
        return Set.copyOf(owned);
    }

    boolean owns(int partition) {
        return owned.contains(partition);
    }
}
