package br.com.techassist.shipments.notifier;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link NotifierProperties} bound the way Spring binds them, defaults included. */
public final class TestProperties {

    private TestProperties() {}

    public static NotifierProperties of(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("notifier", NotifierProperties.class);
    }

    public static NotifierProperties defaults() {
        return of(Map.of());
    }
}
