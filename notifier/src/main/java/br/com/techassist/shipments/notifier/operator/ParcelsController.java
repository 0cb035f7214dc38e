package br.com.techassist.shipments.notifier.operator;

import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.parcel.Parcels;
import br.com.techassist.shipments.support.logging.Masking;
import br.com.techassist.shipments.support.security.ApiRoles;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/parcels/{trackingCode}}: what the notifier knows of one parcel: its contact (masked
 * unless the caller is an operator), the milestones it saw with their times, and each notification
 * with its state, reason, provider id and delivery status. A parcel whose personal data was erased
 * shows {@code erased: true}, when, and no contact.
 */
@RestController
class ParcelsController {

    private final Parcels parcels;
    private final Notifications notifications;

    ParcelsController(Parcels parcels, Notifications notifications) {
        this.parcels = parcels;
        this.notifications = notifications;
    }

    record Contact(String status, String name, String e164, String whatsappId, Instant checkedAt) {}

    record Milestones(Instant shippedEventAt, String origin, String arrival, Instant arrivalEventAt, String arrivalPlace) {}

    /** {@code contact} is null once the parcel's personal data was erased ({@code erased}, {@code erasedAt}). */
    record ParcelView(String trackingCode, String product, Contact contact, Milestones milestones, boolean erased,
            Instant erasedAt, List<NotificationView> notifications) {}

    @GetMapping("/api/parcels/{trackingCode}")
    ResponseEntity<?> parcel(@PathVariable String trackingCode, Authentication caller) {
        String code = trackingCode.toUpperCase(Locale.ROOT);
        Parcel p = parcels.find(code).orElse(null);
        if (p == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "trackingCode: the notifier knows no parcel " + code);
            problem.setTitle("Unknown parcel");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        boolean operator = ApiRoles.held(caller, ApiRoles.OPERATOR);
        Contact contact = p.erased() ? null : new Contact(p.contactStatus() == null ? null : p.contactStatus().name(),
                operator ? p.recipientName() : Masking.name(p.recipientName()),
                operator ? p.e164() : Masking.phone(p.e164()),
                operator ? p.whatsappId() : Masking.phone(p.whatsappId()), p.contactAt());
        Milestones milestones = new Milestones(p.shippedEventAt(), place(p.originCity(), p.originState()),
                p.arrivalMilestone() == null ? null : p.arrivalMilestone().name(), p.arrivalEventAt(),
                place(p.arrivalCity(), p.arrivalState()));
        List<Notification> rows = notifications.ofParcels(List.of(code));
        return ResponseEntity.ok(new ParcelView(code, p.product(), contact, milestones, p.erased(), p.erasedAt(),
                rows.stream().map(n -> NotificationView.of(n, operator)).toList()));
    }

    private static String place(String city, String state) {
        return city == null ? null : city + (state == null ? "" : "/" + state);
    }
}
