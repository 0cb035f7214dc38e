package br.com.techassist.shipments.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A real MySQL-compatible database for integration tests, one fresh database per test JVM.
 *
 * <ol>
 *   <li>{@code MYSQL_URL} set (with {@code MYSQL_USERNAME}, {@code MYSQL_PASSWORD}): a new database
 *       {@code it_<random>} is created on that server and dropped when the JVM exits;
 *   <li>else, Docker available: a Testcontainers MySQL 8.4;
 *   <li>else the tests fail with a message saying how to provide one. They are never skipped.
 * </ol>
 */
public final class SharedMySqlDatabase {

    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");
    private static Coordinates coordinates;

    private SharedMySqlDatabase() {}

    /** JDBC URL, user and password of the database of this test JVM. */
    public record Coordinates(String url, String username, String password) {}

    public static synchronized Coordinates coordinates() {
        if (coordinates == null) {
            coordinates = create();
        }
        return coordinates;
    }

    private static Coordinates server;

    /**
     * A whole server (URL without a database) and a user who may create databases on it, for tests
     * that make databases of their own (the standalone system tests): {@code MYSQL_URL}'s server with
     * {@code MYSQL_USERNAME}/{@code MYSQL_PASSWORD}; else a Testcontainers MySQL 8.4 as root; else the
     * same failure as {@link #coordinates()}.
     */
    public static synchronized Coordinates server() {
        if (server == null) {
            String url = System.getenv("MYSQL_URL");
            if (url != null && !url.isBlank()) {
                Matcher m = URL.matcher(url.strip());
                if (!m.matches()) {
                    throw new IllegalStateException("MYSQL_URL must look like jdbc:mysql://host:port/db, got " + url);
                }
                server = new Coordinates(m.group(1), env("MYSQL_USERNAME", "root"), env("MYSQL_PASSWORD", ""));
            } else if (dockerAvailable()) {
                MySQLContainer container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "mysql-test-server-shutdown"));
                Matcher m = URL.matcher(container.getJdbcUrl());
                server = new Coordinates(m.matches() ? m.group(1) : container.getJdbcUrl(), "root", "test");
            } else {
                create(); // fails with the message saying how to provide a server
            }
        }
        return server;
    }

    private static Coordinates create() {
        String url = System.getenv("MYSQL_URL");
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(url.strip(), env("MYSQL_USERNAME", "root"), env("MYSQL_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            MySQLContainer container = new MySQLContainer("mysql:8.4");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "mysql-test-container-shutdown"));
            return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                Integration tests need a real MySQL-compatible server and none was found.
                Either set MYSQL_URL (e.g. MYSQL_URL=jdbc:mysql://127.0.0.1:3306/test MYSQL_USERNAME=root MYSQL_PASSWORD=)
                to a server where this user may create databases, or start a Docker engine so Testcontainers can run MySQL 8.4.""");
    }

    private static Coordinates freshDatabaseOn(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("MYSQL_URL must look like jdbc:mysql://host:port/db, got " + url);
        }
        String server = m.group(1);
        String params = m.group(3) == null ? "" : m.group(3);
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        exec(server + "/" + params, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> exec(server + "/" + params, user, password, "DROP DATABASE IF EXISTS " + name), "mysql-test-db-drop"));
        String sep = params.isEmpty() ? "?" : "&";
        return new Coordinates(server + "/" + name + params + sep + "useSSL=false&allowPublicKeyRetrieval=true", user, password);
    }

    private static void exec(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
