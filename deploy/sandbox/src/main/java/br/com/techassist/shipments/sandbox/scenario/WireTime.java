package br.com.techassist.shipments.sandbox.scenario;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Correios timestamps: local Brasília time, seconds precision, no offset ({@code 2026-03-18T10:26:51}). */
public final class WireTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private WireTime() {}

    public static String format(LocalDateTime time) {
        return FORMAT.format(time);
    }
}
