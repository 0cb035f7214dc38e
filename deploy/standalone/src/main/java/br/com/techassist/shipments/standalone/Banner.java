package br.com.techassist.shipments.standalone;

/** The console text that tells a newcomer where to look once everything is up. */
record Banner(StandaloneSettings settings, String bootstrapServers) {

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
        b.append(" Kafka bootstrap:  ").append(bootstrapServers)
                .append("   (topics shipments.*.v1, e.g. kafka-console-consumer --topic shipments.notifications.v1)\n")
                .append(" Data:             ").append(settings.mysqlUrl() != null ? settings.mysqlUrl() : settings.dataDir()).append('\n')
                .append(" Stop with Ctrl-C; starting again continues from the saved state.\n")
                .append("==================================================================");
        return b.toString();
    }
}
