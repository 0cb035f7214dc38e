package br.com.techassist.shipments.standalone;

import br.com.techassist.shipments.sandbox.SandboxApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox (fake Correios and WhatsApp) as the system-level tests run it, beside the services. */
final class TestSandbox {

    private TestSandbox() {}

    /**
     * Starts the sandbox on {@code port}, on a clock {@code clockSpeed} times real time, posting
     * WhatsApp status webhooks to the notifier on {@code notifierPort}; {@code extra} adds settings.
     */
    static ConfigurableApplicationContext start(int port, int notifierPort, double clockSpeed, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.autoconfigure.exclude=" + String.join(",", ServiceLauncher.notForTheSandbox()),
                "--sandbox.clock.speed=" + clockSpeed,
                "--sandbox.whatsapp.webhook-url=http://localhost:" + notifierPort + "/webhooks/whatsapp"));
        args.addAll(List.of(extra));
        return SandboxApplication.builder().registerShutdownHook(false).run(args.toArray(String[]::new));
    }
}
