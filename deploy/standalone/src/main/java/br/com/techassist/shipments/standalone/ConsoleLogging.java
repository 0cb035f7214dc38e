package br.com.techassist.shipments.standalone;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One logging set-up for the whole JVM ({@code logback.xml}): the full log in
 * {@code <data dir>/standalone.log}, a console a person can read. Spring Boot's logging system is
 * switched off so that the contexts started one after the other do not reconfigure it; what it would
 * do for us (bridging java.util.logging, no start-up banner) is done here.
 */
final class ConsoleLogging {

    /** Spring Boot's switch: {@code none} leaves logging as configured here. */
    private static final String BOOT_LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private ConsoleLogging() {}

    /** Configures logging before anything starts; returns the full log's path. */
    static Path configure(Path dataDir) {
        Path file = dataDir.resolve("standalone.log");
        System.setProperty("STANDALONE_LOG_FILE", file.toString());
        System.setProperty(BOOT_LOGGING_SYSTEM, "none");
        System.setProperty("spring.main.banner-mode", "off"); // once per context: five ASCII-art banners
        System.setProperty("spring.main.log-startup-info", "false");
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(ConsoleLogging.class.getResource("/logback.xml"));
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging from logback.xml: " + e.getMessage(), e);
            }
        }
        // Tomcat and Liquibase log through java.util.logging, which Spring Boot would bridge
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return file;
    }
}
