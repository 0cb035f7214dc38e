package br.com.techassist.shipments.support.jdbc;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingDatabaseException} into Spring Boot's "APPLICATION FAILED TO START" report. */
class MissingDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MYSQL_URL, MYSQL_USERNAME and MYSQL_PASSWORD for " + cause.service()
                        + ", or run the whole system on embedded databases with the standalone launcher"
                        + " (java -jar deploy/standalone/target/standalone-0.1.0-SNAPSHOT-exec.jar).",
                cause);
    }
}
