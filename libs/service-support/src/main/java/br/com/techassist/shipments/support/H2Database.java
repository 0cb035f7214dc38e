package br.com.techassist.shipments.support;

/**
 * The H2 settings under which the services' SQL and Liquibase changelogs run as on MySQL: the
 * standalone launcher's embedded databases and the H2 portability tests. Never a service's default
 * (a service without {@code MYSQL_URL} refuses to start), and H2 itself is on the classpath only of
 * the standalone launcher and the tests. Upper-case identifiers (H2's default) are kept on purpose:
 * with {@code DATABASE_TO_LOWER} Liquibase does not find its own changelog table on a restart.
 */
public final class H2Database {

    /** URL options that make H2 behave like MySQL for our SQL. */
    public static final String MYSQL_MODE = ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,KEY";

    private H2Database() {}

    /**
     * A file database at {@code path} (without extension). H2 does not close it from its own JVM
     * shutdown hook: the service's connection pool closes it when the service stops, after its
     * workers have stopped using it.
     */
    public static String fileUrl(String path) {
        return "jdbc:h2:file:" + path + MYSQL_MODE + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A private in-memory database that lives as long as the JVM (for tests). */
    public static String memoryUrl(String name) {
        return "jdbc:h2:mem:" + name + MYSQL_MODE + ";DB_CLOSE_DELAY=-1";
    }
}
