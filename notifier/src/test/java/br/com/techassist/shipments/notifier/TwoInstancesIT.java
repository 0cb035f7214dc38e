package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.TwoMessageRuleIT.templatesSentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.testsupport.InfrastructureInitializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A second notifier instance on the same database, in its own consumer group so that both really
 * consume every event and both dispatchers race for the same rows.
 */
class TwoInstancesIT extends NotifierITSupport {

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() throws IOException {
        Properties settings = PropertiesLoaderUtils.loadProperties(new ClassPathResource("notifier-it.properties"));
        settings.put("notifier.whatsapp.base-url", whatsapp.baseUrl());
        settings.put("notifier.consumer-group", "notifier-second-instance");
        // as command-line arguments, so they win over notifier.yml like the test's own properties do
        String[] args = settings.stringPropertyNames().stream()
                .map(name -> "--" + name + "=" + settings.getProperty(name))
                .toArray(String[]::new);
        second = new SpringApplicationBuilder(NotifierApplication.class, TestClock.Configuration.class)
                .web(WebApplicationType.NONE)
                .initializers(new InfrastructureInitializer())
                .run(args);
        KafkaListenerEndpointRegistry listeners = second.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesConsumingTheSameEventsSendOneMessagePerKind() {
        List<String> codes = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = newTrackingCode();
            String phone = newPhone("11");
            codes.add(code);
            phones.add(phone);
            publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        }
        codes.forEach(code -> awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT));
        for (String code : codes) {
            publish(statusChanged(code, Milestone.DELIVERED, unit("CAMPINAS", "SP")), statusChanged(code, Milestone.DELIVERED, unit("CAMPINAS", "SP")));
        }
        codes.forEach(code -> awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT));
        awaitDispatcherPass();

        for (String phone : phones) {
            assertThat(templatesSentTo(phone)).as("messages to %s", phone).containsExactly("envio_postado", "envio_entregue");
        }
    }
}
