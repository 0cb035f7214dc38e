package br.com.techassist.shipments.notifier.dispatch;

import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.provider.OutgoingMessage;

/** A notification claimed for sending (state SENDING, committed) and the message to send. */
record Claim(Notification notification, Parcel parcel, OutgoingMessage message) {}
