package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.notifier.provider.SendOutcome;

/** What {@code provider} answered to the send of a claim, waiting to be recorded. */
record Answer(Claim claim, String provider, SendOutcome outcome) {

    String notificationId() {
        return claim.notification().id();
    }
}
