package br.com.techassist.shipments.notifier;

import br.com.techassist.shipments.support.ShipmentsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The notifier service. */
@SpringBootApplication
@ShipmentsService("notifier")
@ConfigurationPropertiesScan
public class NotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifierApplication.class, args);
    }
}
