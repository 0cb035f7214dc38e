package br.com.techassist.shipments.ingest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
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

    public static final KeyPair KEYS = rsaKeyPair();

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    /** {@code Bearer <JWT>} for {@code subject} with {@code roles}, signed with {@code keys}. */
    public static String token(KeyPair keys, String subject, List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("https://issuer.test")
                    .claim("roles", roles).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
