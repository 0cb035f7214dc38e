package br.com.techassist.shipments.phone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The phone-validator service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhoneValidatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PhoneValidatorApplication.class, args);
    }
}
