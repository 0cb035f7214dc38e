package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.model.TrackingCode;

/** The console text that tells a newcomer where to look once everything is up. */
record Banner(StandaloneSettings settings, String bootstrapServers, DemoApiKeys keys) {

    String text(long startupMillis) {
        StringBuilder b = new StringBuilder("\n")
                .append("==================================================================\n")
                .append(" Correios -> WhatsApp shipment notifier is running (started in ").append(startupMillis).append(" ms)\n")
                .append("==================================================================\n");
        if (settings.sandbox()) {
            b.append(" Mode: SANDBOX (no Correios credentials): ").append(settings.parcels())
                    .append(" demo parcels, clock x").append((long) settings.clockSpeed()).append('\n')
                    .append(" WhatsApp inbox of the fake phones:  ").append(settings.sandboxUrl()).append("/sandbox/inbox\n")
                    .append(" Messages sent (JSON):               ").append(settings.sandboxUrl()).append("/sandbox/whatsapp/messages\n")
                    .append(" Demo parcels (ground truth):        ").append(settings.sandboxUrl()).append("/sandbox/scenario/parcels\n");
        } else {
            b.append(" Mode: REAL Correios and WhatsApp APIs\n");
        }
        for (ServiceLauncher.Service s : ServiceLauncher.Service.values()) {
            String base = "http://localhost:" + s.port(settings);
            b.append(String.format(" %-16s %s/actuator/health   %s/actuator/prometheus%n", s.serviceName(), base, base));
        }
        apiKeys(b);
        b.append(" Kafka bootstrap:  ").append(bootstrapServers)
                .append("   (topics shipments.*.v1, e.g. kafka-console-consumer --topic shipments.notifications.v1)\n")
                .append(" Data:             ").append(settings.mysqlUrl() != null ? settings.mysqlUrl() : settings.dataDir()).append('\n')
                .append(" Full log:         ").append(fullLog(settings))
                .append("   (Kafka, Liquibase, Hikari, Tomcat, Spring, each parcel's steps)\n")
                .append(" This console:     messages sent/suppressed/failed/uncertain, alerts, warnings, a summary every ")
                .append(StandaloneApplication.SUMMARY_INTERVAL.toSeconds()).append(" s;\n")
                .append("                   STANDALONE_CONSOLE=full shows the full log here too\n")
                .append(" Stop with Ctrl-C; starting again continues from the saved state.\n")
                .append("==================================================================");
        return b.toString();
    }

    /** Where everything is logged ({@code logback.xml}). */
    static java.nio.file.Path fullLog(StandaloneSettings settings) {
        return settings.dataDir().resolve("standalone.log");
    }

    /** The generated keys, printed this once, with ready curl lines; nothing when API_KEYS was given. */
    private void apiKeys(StringBuilder b) {
        if (!keys.generated()) {
            b.append(" API keys:         from API_KEYS\n");
            return;
        }
        String ingest = "http://localhost:" + ServiceLauncher.Service.PREPOST_INGEST.port(settings);
        String phone = "http://localhost:" + ServiceLauncher.Service.PHONE_VALIDATOR.port(settings);
        String code = "DG" + "12345678" + TrackingCode.checkDigit("12345678") + "BR";
        b.append(" API keys (new at every start, shown only here; set API_KEYS to use your own):\n")
                .append("   operator     ").append(keys.operator()).append('\n')
                .append("   integration  ").append(keys.integration()).append('\n')
                .append(" Register a parcel:\n")
                .append("   curl -i -H 'Authorization: Bearer ").append(keys.integration())
                .append("' -H 'Content-Type: application/json' ").append(ingest).append("/api/shipments \\\n")
                .append("     -d '{\"trackingCode\":\"").append(code).append("\",\"recipient\":{\"name\":\"Maria da Silva\",")
                .append("\"phone\":\"(43) 99999-0021\"},\"contents\":[{\"description\":\"Notebook\",\"quantity\":1}]}'\n")
                .append(" Its contact and audit trail:\n")
                .append("   curl -H 'Authorization: Bearer ").append(keys.operator()).append("' ").append(phone)
                .append("/api/contacts/").append(code).append('\n')
                .append("   curl -H 'Authorization: Bearer ").append(keys.operator()).append("' '").append(ingest)
                .append("/api/audit?trackingCode=").append(code).append("'\n");
    }
}
