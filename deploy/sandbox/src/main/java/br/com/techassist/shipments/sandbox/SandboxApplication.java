package br.com.techassist.shipments.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * Fake Correios (token, Pré-Postagem, SRO Rastro) and fake WhatsApp (Cloud API, Evolution API)
 * servers in the real wire formats, for demos, end-to-end tests and benchmarks.
 *
 * <p>It reads only {@code sandbox.*} settings (plus {@code SANDBOX_PORT}). To embed it in another
 * application's JVM, start it as its own context with {@link #builder()}, which also keeps that
 * application's {@code application.properties} out of the sandbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:br/com/techassist/shipments/sandbox/sandbox-defaults.properties")
public class SandboxApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder for the sandbox as a self-contained application context. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SandboxApplication.class)
                .properties("spring.config.name=sandbox");
    }
}
