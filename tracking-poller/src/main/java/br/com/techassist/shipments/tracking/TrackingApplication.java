package br.com.techassist.shipments.tracking;

import br.com.techassist.shipments.support.ShipmentsService;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The tracking-poller service. */
@SpringBootApplication
@ShipmentsService("tracking-poller")
@ConfigurationPropertiesScan
public class TrackingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingApplication.class, args);
    }

    /** The time source of the schedule (tests replace it). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
