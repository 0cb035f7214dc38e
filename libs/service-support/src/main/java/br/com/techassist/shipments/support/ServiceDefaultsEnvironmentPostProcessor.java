package br.com.techassist.shipments.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs before the configuration files are read. For an application whose source class carries
 * {@link ShipmentsService}, it sets {@code spring.application.name} and {@code spring.config.name}
 * to the service name (unless already set), and adds {@code shipments-service-defaults.properties}
 * as the lowest-precedence property source, so every service gets the same Kafka serde, Actuator
 * and metrics defaults while its own {@code <name>.yml} or the environment can override any of them.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "shipments-service-defaults.properties";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5; // before ConfigDataEnvironmentPostProcessor (+10)
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = serviceName(application);
        if (name == null) {
            return;
        }
        Map<String, Object> identity = new HashMap<>();
        if (!environment.containsProperty("spring.application.name")) {
            identity.put("spring.application.name", name);
        }
        if (!environment.containsProperty("spring.config.name")) {
            identity.put("spring.config.name", name);
        }
        environment.getPropertySources().addLast(new MapPropertySource("shipmentsService", identity));
        try {
            for (var source : new PropertiesPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String serviceName(SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type) {
                ShipmentsService service = AnnotatedElementUtils.findMergedAnnotation(type, ShipmentsService.class);
                if (service != null) {
                    refuseApplicationYml(type, service.value());
                    return service.value();
                }
            }
        }
        return null;
    }

    /** A service's own settings live in {@code <name>.yml}; an {@code application.yml} beside it would be ignored. */
    private static void refuseApplicationYml(Class<?> type, String name) {
        var codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource == null || !"file".equals(codeSource.getLocation().getProtocol())) {
            return;
        }
        var root = java.nio.file.Path.of(java.net.URI.create(codeSource.getLocation().toString()));
        for (String file : new String[] {"application.yml", "application.yaml", "application.properties"}) {
            if (java.nio.file.Files.exists(root.resolve(file))) {
                throw new IllegalStateException(name + " reads its settings from " + name + ".yml (see @ShipmentsService), but "
                        + root.resolve(file) + " exists and would be ignored: move its content to " + name + ".yml");
            }
        }
    }
}
