package br.com.techassist.shipments.correios;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The client's own JSON mapper (independent of the application's): unknown fields ignored, empty
 * strings read as null objects, and times without an offset read as America/Sao_Paulo local time,
 * with fractions up to nanoseconds.
 */
public final class CorreiosJson {

    /** Correios sends local Brasília time without an offset. */
    public static final ZoneId CORREIOS_ZONE = ZoneId.of("America/Sao_Paulo");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .addModule(new SimpleModule("correios-times").addDeserializer(OffsetDateTime.class, new LocalTimeAware()))
            .build();

    private CorreiosJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code 2026-06-22T20:00:34.711579} as São Paulo time; an explicit offset or Z wins. */
    public static OffsetDateTime parseTime(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(CORREIOS_ZONE).toOffsetDateTime();
            }
            return LocalDateTime.parse(value).atZone(CORREIOS_ZONE).toOffsetDateTime();
        }
    }

    private static final class LocalTimeAware extends ValueDeserializer<OffsetDateTime> {

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseTime(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, OffsetDateTime.class, "not an ISO-8601 date-time");
            }
        }
    }
}
