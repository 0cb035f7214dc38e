package br.com.techassist.shipments.support.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.testsupport.TestJwts;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@code SECURITY_JWT_ISSUER_URI} as the services use it: the decoder finds the issuer's keys through
 * its OpenID configuration (a WireMock issuer with a locally generated RSA key pair), accepts only
 * its tokens, and takes the roles from the configured claim; API keys keep working beside it.
 */
class JwtCredentialsTest {

    static final KeyPair KEYS = rsa();
    static WireMockServer issuer;
    static String issuerUri;

    @BeforeAll
    static void startIssuer() {
        issuer = new WireMockServer(wireMockConfig().dynamicPort());
        issuer.start();
        issuerUri = issuer.baseUrl() + "/realms/shipments";
        issuer.stubFor(get("/realms/shipments/.well-known/openid-configuration").willReturn(okJson(
                "{\"issuer\":\"" + issuerUri + "\",\"jwks_uri\":\"" + issuerUri + "/certs\","
                        + "\"subject_types_supported\":[\"public\"]}")));
        issuer.stubFor(get("/realms/shipments/certs").willReturn(okJson(
                new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(TestJwts.KEY_ID).build()).toString())));
    }

    @AfterAll
    static void stopIssuer() {
        issuer.stop();
    }

    @Test
    void aTokenOfTheIssuerGivesItsSubjectAndTheRolesOfTheConfiguredClaim() {
        AuthenticationManager credentials = credentials("groups");

        Authentication who = credentials.authenticate(bearer(token(KEYS, issuerUri, "groups", List.of("operator"))));

        assertThat(who.getName()).isEqualTo("ops-team");
        assertThat(who.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_operator")
                .noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_operator"));
    }

    @Test
    void aTokenOfAnotherIssuerOrKeyIsRefusedAndAnApiKeyStillWorks() {
        AuthenticationManager credentials = credentials("roles");

        assertThatThrownBy(() -> credentials.authenticate(bearer(token(KEYS, "https://elsewhere", "roles",
                List.of("operator"))))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> credentials.authenticate(bearer(token(rsa(), issuerUri, "roles",
                List.of("operator"))))).isInstanceOf(AuthenticationException.class);
        assertThat(credentials.authenticate(bearer("crm-key")).getName()).isEqualTo("crm");
        assertThatThrownBy(() -> credentials.authenticate(bearer("not-a-key")))
                .isInstanceOf(AuthenticationException.class);
    }

    private static AuthenticationManager credentials(String rolesClaim) {
        ApiSecurityProperties props = new ApiSecurityProperties(ApiKey.entry("crm", "integration", "crm-key"),
                new ApiSecurityProperties.Jwt(issuerUri, rolesClaim));
        var decoder = new ApiSecurityAutoConfiguration().jwtDecoder(props);
        return ApiSecurityAutoConfiguration.credentials(
                new ApiKeyAuthenticationProvider(ApiKeys.parse(props.apiKeys()), true), decoder, props);
    }

    private static BearerTokenAuthenticationToken bearer(String token) {
        return new BearerTokenAuthenticationToken(token);
    }

    private static String token(KeyPair keys, String iss, String claim, List<String> roles) {
        return TestJwts.token(keys, iss, "ops-team", claim, roles);
    }

    private static KeyPair rsa() {
        return TestJwts.rsaKeyPair();
    }
}
