package br.com.techassist.shipments.phone;

import br.com.techassist.shipments.support.ShipmentsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The phone-validator service. */
@SpringBootApplication
@ShipmentsService("phone-validator")
@ConfigurationPropertiesScan
public class PhoneValidatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PhoneValidatorApplication.class, args);
    }
}
