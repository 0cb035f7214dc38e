package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.correios.CorreiosJson;
import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.InvalidTrackingCodeException;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.logging.Masking;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Validates a manual registration and registers it like a pre-posting, with source MANUAL. */
@Component
class ManualRegistrations {

    private static final Logger log = LoggerFactory.getLogger(ManualRegistrations.class);
    private static final int NAME_MAX = 100;
    private static final int TEXT_MAX = 255;

    private final Registrations registrations;
    private final Clock clock;

    ManualRegistrations(Registrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    /** The event the request describes, or the problems that prevent it. */
    record Checked(@Nullable ShipmentRegistered event, List<FieldProblem> problems) {}

    Checked check(ManualRegistrationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = trackingCode(request.trackingCode(), problems);
        Recipient recipient = recipient(request.recipient(), problems);
        List<ContentItem> contents = contents(request.contents(), problems);
        text("invoiceNumber", request.invoiceNumber(), problems);
        text("notes", request.notes(), problems);
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new ShipmentRegistered(ShipmentRegistered.idFor(code),
                OffsetDateTime.now(clock.withZone(CorreiosJson.CORREIOS_ZONE)), code,
                ShipmentRegistered.Source.MANUAL, null, null, null, recipient, contents,
                blankToNull(request.invoiceNumber()), blankToNull(request.notes())), List.of());
    }

    Registrations.Result register(ShipmentRegistered event) {
        Registrations.Result result = registrations.register(event);
        log.info("manual registration of {} for {} ({}): {}", event.trackingCode(),
                Masking.name(event.recipient().name()), Masking.phone(phoneOf(event.recipient())), result);
        return result;
    }

    private static String phoneOf(Recipient r) {
        var p = r.mobile() != null ? r.mobile() : r.landline();
        return p == null ? null : p.areaCode() + p.number();
    }

    private static @Nullable String trackingCode(@Nullable String raw, List<FieldProblem> problems) {
        try {
            return TrackingCode.parse(raw).value();
        } catch (InvalidTrackingCodeException e) {
            problems.add(new FieldProblem("trackingCode", e.getMessage()));
            return null;
        }
    }

    private static @Nullable Recipient recipient(ManualRegistrationRequest.@Nullable RecipientRequest r,
            List<FieldProblem> problems) {
        if (r == null) {
            problems.add(new FieldProblem("recipient", "is required (name and phone)"));
            return null;
        }
        if (r.name() == null || r.name().isBlank()) {
            problems.add(new FieldProblem("recipient.name", "is required"));
        } else if (r.name().strip().length() > NAME_MAX) {
            problems.add(new FieldProblem("recipient.name", "has more than " + NAME_MAX + " characters"));
        }
        BrazilianPhone phone = null;
        if (r.phone() == null || r.phone().isBlank()) {
            problems.add(new FieldProblem("recipient.phone", "is required"));
        } else {
            phone = BrazilianPhone.parse(r.phone());
            if (phone == null) {
                problems.add(new FieldProblem("recipient.phone",
                        "must be a Brazilian number with DDD, e.g. (43) 99999-0021"));
            }
        }
        String email = blankToNull(r.email());
        if (email != null && (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > TEXT_MAX)) {
            problems.add(new FieldProblem("recipient.email", "is not an e-mail address"));
        }
        if (phone == null || r.name() == null || r.name().isBlank()) {
            return null;
        }
        return new Recipient(r.name().strip(), phone.mobile() ? phone.phone() : null,
                phone.mobile() ? null : phone.phone(), email, null);
    }

    private static List<ContentItem> contents(@Nullable List<ManualRegistrationRequest.ContentRequest> items,
            List<FieldProblem> problems) {
        if (items == null || items.isEmpty()) {
            problems.add(new FieldProblem("contents", "needs at least one item"));
            return List.of();
        }
        List<ContentItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            String at = "contents[" + i + "]";
            if (item == null) {
                problems.add(new FieldProblem(at, "is empty"));
                continue;
            }
            if (item.description() == null || item.description().isBlank()) {
                problems.add(new FieldProblem(at + ".description", "is required"));
            } else if (item.description().length() > TEXT_MAX) {
                problems.add(new FieldProblem(at + ".description", "has more than " + TEXT_MAX + " characters"));
            }
            if (item.quantity() == null || item.quantity() < 1) {
                problems.add(new FieldProblem(at + ".quantity", "must be 1 or more"));
            }
            if (item.value() != null && item.value().compareTo(BigDecimal.ZERO) < 0) {
                problems.add(new FieldProblem(at + ".value", "must not be negative"));
            }
            out.add(new ContentItem(item.description() == null ? null : item.description().strip(), item.quantity(),
                    item.value()));
        }
        return out;
    }

    private static void text(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value != null && value.length() > TEXT_MAX) {
            problems.add(new FieldProblem(field, "has more than " + TEXT_MAX + " characters"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
