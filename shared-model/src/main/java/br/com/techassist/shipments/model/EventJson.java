package br.com.techassist.shipments.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the events: ISO-8601 times with their offset, nulls left out, unknown fields
 * ignored on read (so older subscribers keep working when fields are added).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {}

    /** A shared, thread-safe mapper configured for the event contract. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to a builder (for applications that build their own mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    public static byte[] write(ShipmentEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T extends ShipmentEvent> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
