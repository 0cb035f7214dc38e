package br.com.techassist.shipments.ingest;

import br.com.techassist.shipments.testsupport.TestJwts;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An OAuth2 issuer made of a locally generated RSA key pair: its decoder (the public key, as an
 * issuer's JWKS would give it) turns JWTs on, {@link #token} signs tokens with roles.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalJwtIssuer {

    public static final KeyPair KEYS = TestJwts.rsaKeyPair();

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    /** {@code Bearer <JWT>} for {@code subject} with {@code roles} (claim {@code roles}), signed with {@code keys}. */
    public static String token(KeyPair keys, String subject, List<String> roles) {
        return "Bearer " + TestJwts.token(keys, "https://issuer.test", subject, "roles", roles);
    }

    public static KeyPair rsaKeyPair() {
        return TestJwts.rsaKeyPair();
    }
}
