package br.com.techassist.shipments.notifier.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, before the dispatcher sends anything, replaces the opt-outs stored as digits (before
 * opt-outs were kept as keyed hashes) by their hash ({@link OptOuts#rehashLegacyKeys}).
 */
@Component
class LegacyOptOutKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LegacyOptOutKeys.class);

    private final OptOuts optOuts;

    LegacyOptOutKeys(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int rehashed = optOuts.rehashLegacyKeys();
        if (rehashed > 0) {
            log.info("{} opt-outs stored as numbers are now kept as keyed hashes", rehashed);
        }
    }
}
