package br.com.techassist.shipments.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one list of the contract's personal-data fields (LGPD; ARCHITECTURE "Personal data"): each
 * record and its components that hold a person's name, phones, e-mail, address, CPF/CNPJ, notes,
 * WhatsApp id or a message's recipient. {@code asyncapi.yaml} marks exactly these with
 * {@code x-personal-data: true} (checked by a test), and tests of the services use
 * {@link #valuesIn} to assert that what they publish for operators carries none of them in clear.
 */
public final class PersonalDataFields {

    /** Record type → its components that are personal data. */
    public static final Map<Class<? extends Record>, Set<String>> FIELDS = Map.of(
            ShipmentRegistered.class, Set.of("recipient", "notes"),
            Recipient.class, Set.of("name", "mobile", "landline", "email", "address"),
            ContactValidated.class, Set.of("input", "e164", "whatsappId"),
            NotificationSent.class, Set.of("recipient"),
            NotificationFailed.class, Set.of("recipient"),
            NotificationStatusUpdated.class, Set.of("recipient"));

    /** Values shorter than this (a UF, a DDD) identify no one and would be found anywhere. */
    private static final int SHORTEST_VALUE = 5;

    private PersonalDataFields() {}

    /** Whether {@code component} of {@code record} is personal data. */
    public static boolean isPersonal(Class<?> record, String component) {
        return FIELDS.getOrDefault(record, Set.of()).contains(component);
    }

    /** The JSON property names that are personal data in some record, e.g. to look for them in a payload. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        FIELDS.values().forEach(names::addAll);
        return names;
    }

    /**
     * The personal data an event (or any contract record) carries, as text: the strings under a
     * personal-data field, nested records flattened to their strings, a {@link Phone} as its digits
     * (DDD and number); values shorter than five characters are left out.
     */
    public static List<String> valuesIn(Object record) {
        List<String> values = new ArrayList<>();
        collect(record, false, values);
        return values;
    }

    private static void collect(Object value, boolean personal, List<String> into) {
        switch (value) {
            case null -> { }
            case Phone phone when personal -> add(digits(phone.areaCode()) + digits(phone.number()), into);
            case CharSequence text when personal -> add(text.toString(), into);
            case Collection<?> items -> items.forEach(item -> collect(item, personal, into));
            case Map<?, ?> map -> map.values().forEach(item -> collect(item, personal, into));
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    collect(read(component, record), personal || isPersonal(record.getClass(), component.getName()), into);
                }
            }
            default -> { }
        }
    }

    private static void add(String value, List<String> into) {
        if (value.strip().length() >= SHORTEST_VALUE) {
            into.add(value.strip());
        }
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
