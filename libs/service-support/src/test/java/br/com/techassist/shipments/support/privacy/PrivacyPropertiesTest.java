package br.com.techassist.shipments.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The settings as a service binds them: defaults, environment names, and refusals that say what is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class));

    @Test
    void defaultsToNinetyDaysOfPersonalDataAndAYearOfAudit() {
        context.run(ctx -> {
            PrivacyProperties props = ctx.getBean(PrivacyProperties.class);
            assertThat(props.retention()).isEqualTo(Duration.ofDays(90));
            assertThat(props.auditRetention()).isEqualTo(Duration.ofDays(365));
            assertThat(props.rejectedRetention()).isEqualTo(Duration.ofDays(30));
            assertThat(props.purgeInterval()).isEqualTo(Duration.ofHours(1));
            assertThat(props.batchSize()).isEqualTo(500);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "shipments.privacy.retention=P0D           | PII_RETENTION (shipments.privacy.retention) must be at least P1D",
        "shipments.privacy.retention=PT1H          | PII_RETENTION (shipments.privacy.retention) must be at least P1D",
        "shipments.privacy.audit-retention=PT1H    | AUDIT_RETENTION (shipments.privacy.audit-retention) must be at least P1D",
        "shipments.privacy.rejected-retention=P0D  | REJECTED_RETENTION (shipments.privacy.rejected-retention) must be at least P1D",
        "shipments.privacy.purge-interval=PT0S     | shipments.privacy.purge-interval must be positive"
    })
    void refusesTooShortARetentionWithAMessageNamingTheVariable(String setting, String message) {
        context.withPropertyValues(setting).run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining(message));
    }

    @Test
    void refusesABatchSizeBelowOne() {
        context.withPropertyValues("shipments.privacy.batch-size=0")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("batchSize"));
    }

    @Test
    void warnsOnceWhenTheBuiltInHashKeyIsUsed(CapturedOutput output) {
        context.run(ctx -> assertThat(ctx).hasSingleBean(PersonalDataKeys.class));

        assertThat(output.getOut().split("PRIVACY_HASH_KEY is not set", -1)).hasSize(2);
    }

    @Test
    void saysNothingWhenTheHashKeyIsSet(CapturedOutput output) {
        context.withPropertyValues("shipments.privacy.hash-key=s3cret").run(ctx -> {
            assertThat(ctx).hasSingleBean(PersonalDataKeys.class);
            assertThat(ctx.getBean(PersonalDataKeys.class).phone("+55 68 99999-0001"))
                    .isEqualTo(new PersonalDataKeys("s3cret").phone("+55 68 99999-0001"));
        });

        assertThat(output.getOut()).doesNotContain("PRIVACY_HASH_KEY is not set");
    }
}
