package br.com.techassist.shipments.tracking;

import br.com.techassist.shipments.support.ShipmentsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tracking-poller service. */
@SpringBootApplication
@ShipmentsService("tracking-poller")
@ConfigurationPropertiesScan
public class TrackingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingApplication.class, args);
    }
}
