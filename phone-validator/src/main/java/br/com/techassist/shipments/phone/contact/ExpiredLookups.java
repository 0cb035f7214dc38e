package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.support.privacy.RetentionTask;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The retention of the lookup cache: an answer past its {@code expires_at} ({@code phone.cache-ttl}
 * after the check) is never read again, and its key is a person's phone number, so it is deleted.
 */
@Component
class ExpiredLookups implements RetentionTask {

    private final LookupCache cache;

    ExpiredLookups(LookupCache cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return "whatsapp_lookup";
    }

    @Override
    public int purge(Instant now, int limit) {
        return cache.purgeExpired(now, limit);
    }
}
