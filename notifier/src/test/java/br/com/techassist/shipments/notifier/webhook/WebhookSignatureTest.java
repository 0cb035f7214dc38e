package br.com.techassist.shipments.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheRawBodyWithHmacSha256OfTheAppSecret() {
        // echo -n '{"object":"whatsapp_business_account"}' | openssl dgst -sha256 -hmac app-secret
        assertThat(WebhookSignature.sign(BODY, "app-secret"))
                .isEqualTo("sha256=0bf7374433906636bed1653bc7c64affb42fa5da9a39e251ab95c2e3a9c06923");
    }

    @Test
    void acceptsOnlyTheRightSignature() {
        String good = WebhookSignature.sign(BODY, "app-secret");

        assertThat(WebhookSignature.matches(BODY, good, "app-secret")).isTrue();
        assertThat(WebhookSignature.matches(BODY, good, "other-secret")).isFalse();
        assertThat(WebhookSignature.matches("{}".getBytes(StandardCharsets.UTF_8), good, "app-secret")).isFalse();
        assertThat(WebhookSignature.matches(BODY, null, "app-secret")).isFalse();
        assertThat(WebhookSignature.matches(BODY, good.substring(7), "app-secret")).isFalse();
        assertThat(WebhookSignature.matches(BODY, good, "")).isFalse();
    }
}
