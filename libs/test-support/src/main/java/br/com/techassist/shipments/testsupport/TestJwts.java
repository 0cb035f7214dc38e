package br.com.techassist.shipments.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** JWTs signed with locally generated RSA keys, for the API's JWT path (an issuer without a network). */
public final class TestJwts {

    /** The key id tokens carry (and a test issuer's JWKS names). */
    public static final String KEY_ID = "test-key";

    private TestJwts() {}

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact RS256 JWT of {@code issuer} for {@code subject}, valid 5 minutes, with {@code roles} in {@code claim}. */
    public static String token(KeyPair keys, String issuer, String subject, String claim, List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).claim(claim, roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
