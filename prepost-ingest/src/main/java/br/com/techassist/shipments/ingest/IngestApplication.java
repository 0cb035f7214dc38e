package br.com.techassist.shipments.ingest;

import br.com.techassist.shipments.support.ShipmentsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The prepost-ingest service. */
@SpringBootApplication
@ShipmentsService("prepost-ingest")
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }
}
