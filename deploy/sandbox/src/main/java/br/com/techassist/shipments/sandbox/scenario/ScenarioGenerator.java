package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.sandbox.scenario.BrazilianData.Product;
import br.com.techassist.shipments.sandbox.scenario.Parcel.ContentItem;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Generates parcels with realistic Brazilian recipients, phones, products and Correios lifecycles.
 * The same seed and the same sequence of calls give the same parcels. Thread-safe.
 */
final class ScenarioGenerator {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;
    private final Set<String> usedCodes = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();

    ScenarioGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Generates a parcel pre-posted at {@code prePostedAt}; lifecycle and phone kind are random unless given. */
    Parcel generate(LocalDateTime prePostedAt, @Nullable Lifecycle lifecycle, @Nullable PhoneKind phoneKind) {
        return generate(prePostedAt, lifecycle, phoneKind, null);
    }

    /** As {@link #generate(LocalDateTime, Lifecycle, PhoneKind)}, in a city of area code {@code ddd} when there is one. */
    synchronized Parcel generate(LocalDateTime prePostedAt, @Nullable Lifecycle lifecycle, @Nullable PhoneKind phoneKind,
            @Nullable String ddd) {
        Lifecycle chosenLifecycle = lifecycle != null ? lifecycle : randomLifecycle();
        PhoneKind chosenPhoneKind = phoneKind != null && phoneKind != PhoneKind.GIVEN ? phoneKind : randomPhoneKind();
        List<City> sameDdd = BrazilianData.CITIES.stream().filter(c -> c.ddd().equals(ddd)).toList();
        City city = !sameDdd.isEmpty() ? pick(sameDdd)
                : chosenPhoneKind == PhoneKind.MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT ? oldAccountCity()
                : pick(BrazilianData.CITIES);
        String name = pick(BrazilianData.FIRST_NAMES) + " " + pick(BrazilianData.SURNAMES)
                + (random.nextInt(3) == 0 ? "" : " " + pick(BrazilianData.SURNAMES));
        Phones phones = phones(chosenPhoneKind, city);
        Recipient recipient = new Recipient(name, phones.dddCelular, phones.celular, phones.dddTelefone,
                phones.telefone, random.nextInt(5) == 0 ? null : email(name), digits(11), address(city));
        PostalService service = random.nextInt(3) == 0 ? PostalService.SEDEX : PostalService.PAC;
        Product product = pick(BrazilianData.PRODUCTS);
        List<ContentItem> contents = new ArrayList<>();
        contents.add(new ContentItem(product.name(), 1, product.value()));
        if (random.nextInt(4) == 0) {
            contents.add(new ContentItem(pick(BrazilianData.ACCESSORIES), 1, 80.0));
        }
        boolean unknownCode = chosenLifecycle.ships() && random.nextInt(12) == 0;
        LocalDateTime postedAt = prePostedAt.plus(Duration.ofMinutes(240 + random.nextInt(26 * 60)));
        List<TrackingEvent> events = new EventScript(random, city, postedAt).write(chosenLifecycle, unknownCode);
        return new Parcel(prePostingId(), newTrackingCode(service), recipient, contents,
                random.nextInt(5) == 0 ? digits(6) : null, "OS " + (10000 + random.nextInt(90000)) + " - reparo",
                product.weightGrams() + 300, chosenLifecycle, chosenPhoneKind, phones.whatsappId, prePostedAt,
                postedAt.toLocalDate().plusDays(city.transitDays() + (service == PostalService.PAC ? 2 : 0)),
                unknownCode, events);
    }

    /** A fresh valid tracking code (correct check digit, never handed out before). */
    synchronized String newTrackingCode(PostalService service) {
        while (true) {
            String serial = String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
            String code = pick(service.prefixes()) + serial + TrackingCode.checkDigit(serial) + "BR";
            if (usedCodes.add(code)) {
                return code;
            }
        }
    }

    /** Marks a caller-chosen code as taken; false when it already was. */
    synchronized boolean reserve(String trackingCode) {
        return usedCodes.add(trackingCode);
    }

    synchronized String prePostingId() {
        StringBuilder id = new StringBuilder("PR");
        for (int i = 0; i < 22; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    private record Phones(
            @Nullable String dddCelular,
            @Nullable String celular,
            @Nullable String dddTelefone,
            @Nullable String telefone,
            @Nullable String whatsappId) {}

    private Phones phones(PhoneKind kind, City city) {
        String ddd = city.ddd();
        return switch (kind) {
            case MOBILE_WITH_NINTH_DIGIT -> {
                String mobile = newMobile(ddd);
                boolean alsoLandline = random.nextInt(4) == 0;
                yield new Phones(ddd, mobile, alsoLandline ? ddd : null, alsoLandline ? newLandline(ddd) : null,
                        "55" + ddd + mobile);
            }
            case MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT -> {
                String mobile = newMobile(ddd);
                yield new Phones(ddd, mobile, null, null, "55" + ddd + mobile.substring(1));
            }
            case MOBILE_TYPED_WITHOUT_NINTH_DIGIT -> {
                String mobile = newMobile(ddd);
                yield new Phones(ddd, mobile.substring(1), null, null, "55" + ddd + mobile);
            }
            case MOBILE_WITHOUT_WHATSAPP -> new Phones(ddd, newMobile(ddd), null, null, null);
            case LANDLINE_WITH_WHATSAPP_BUSINESS -> {
                String landline = newLandline(ddd);
                yield new Phones(null, null, ddd, landline, "55" + ddd + landline);
            }
            case LANDLINE_WITHOUT_WHATSAPP -> new Phones(null, null, ddd, newLandline(ddd), null);
            default -> new Phones(null, null, null, null, null);
        };
    }

    /** A 9-digit mobile ({@code 9} + 6..9 + seven digits) unused in either ninth-digit form. */
    private String newMobile(String ddd) {
        while (true) {
            String mobile = "9" + (6 + random.nextInt(4)) + digits(7);
            if (usedPhones.add(ddd + mobile) && usedPhones.add(ddd + mobile.substring(1))) {
                return mobile;
            }
        }
    }

    /** An 8-digit landline starting 2..5, unused. */
    private String newLandline(String ddd) {
        while (true) {
            String landline = (2 + random.nextInt(4)) + digits(7);
            if (usedPhones.add(ddd + landline)) {
                return landline;
            }
        }
    }

    private Recipient.Address address(City city) {
        return new Recipient.Address(city.cepPrefix() + digits(3), pick(BrazilianData.STREETS),
                String.valueOf(1 + random.nextInt(2500)), random.nextInt(3) == 0 ? "Apto " + (11 + random.nextInt(300)) : "",
                pick(city.neighbourhoods()), city.name(), city.uf());
    }

    private String email(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replace(' ', '.') + random.nextInt(100) + "@exemplo.com.br";
    }

    private Lifecycle randomLifecycle() {
        int roll = random.nextInt(100);
        if (roll < 38) return Lifecycle.DELIVERED;
        if (roll < 53) return Lifecycle.PICKUP_COLLECTED;
        if (roll < 65) return Lifecycle.FAILED_ATTEMPT_THEN_DELIVERED;
        if (roll < 73) return Lifecycle.RETURNED;
        if (roll < 81) return Lifecycle.STALLED;
        if (roll < 93) return Lifecycle.EST_CORRECTION;
        return Lifecycle.NEVER_POSTED;
    }

    private PhoneKind randomPhoneKind() {
        int roll = random.nextInt(100);
        if (roll < 58) return PhoneKind.MOBILE_WITH_NINTH_DIGIT;
        if (roll < 70) return PhoneKind.MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT;
        if (roll < 75) return PhoneKind.MOBILE_TYPED_WITHOUT_NINTH_DIGIT;
        if (roll < 83) return PhoneKind.MOBILE_WITHOUT_WHATSAPP;
        if (roll < 89) return PhoneKind.LANDLINE_WITH_WHATSAPP_BUSINESS;
        if (roll < 95) return PhoneKind.LANDLINE_WITHOUT_WHATSAPP;
        return PhoneKind.NO_PHONE;
    }

    private City oldAccountCity() {
        List<City> cities = BrazilianData.CITIES.stream().filter(City::hasOldMobileAccounts).toList();
        return pick(cities);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
