package br.com.techassist.shipments.support.privacy;

import br.com.techassist.shipments.testsupport.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The privacy integration tests share one application context ({@link PrivacyTestApplication}):
 * audit trail on, purge batches of two, and no scheduled retention run while they run (the tests
 * run the job themselves).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest(properties = {
    "spring.liquibase.change-log=classpath:db/changelog/support-dlt-test.changelog-master.yaml",
    "shipments.audit.enabled=true",
    "shipments.privacy.batch-size=" + PrivacyTestApplication.BATCH_SIZE,
    "shipments.privacy.purge-interval=P1D"
})
@interface PrivacyIntegrationTest {}
