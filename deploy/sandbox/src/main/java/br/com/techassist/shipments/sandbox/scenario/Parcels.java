package br.com.techassist.shipments.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Every parcel of the sandbox, in memory: by tracking code, by pre-posting id and in creation order. */
@Component
public class Parcels {

    private final ConcurrentHashMap<String, Parcel> byCode = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Parcel> byId = new ConcurrentHashMap<>();
    private final List<Parcel> ordered = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    void add(Parcel parcel) {
        lock.writeLock().lock();
        try {
            if (byCode.putIfAbsent(parcel.trackingCode(), parcel) != null) {
                throw new IllegalArgumentException("tracking code " + parcel.trackingCode() + " already exists");
            }
            byId.put(parcel.id(), parcel);
            ordered.add(parcel);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<Parcel> byTrackingCode(String trackingCode) {
        return Optional.ofNullable(byCode.get(trackingCode));
    }

    public Optional<Parcel> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * One page of the parcels matching {@code filter}, in creation order, with the total count.
     * A single pass under a read lock: cheap enough for tens of thousands of parcels per request.
     */
    public Page page(Predicate<Parcel> filter, int page, int size) {
        long first = (long) page * size;
        List<Parcel> items = new ArrayList<>(Math.min(size, 256));
        int total = 0;
        lock.readLock().lock();
        try {
            for (Parcel parcel : ordered) {
                if (filter.test(parcel)) {
                    if (total >= first && items.size() < size) {
                        items.add(parcel);
                    }
                    total++;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return new Page(items, total);
    }

    /** All parcels, in creation order. */
    public List<Parcel> all() {
        lock.readLock().lock();
        try {
            return List.copyOf(ordered);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A page of parcels and how many matched in all. */
    public record Page(List<Parcel> items, int total) {}
}
