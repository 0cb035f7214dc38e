package br.com.techassist.shipments.bench;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Which JDBC URL the in-process services of phases 1–4 use. On a MariaDB server, MySQL Connector/J
 * reads the server's version as 5.5.5 (MariaDB's compatibility prefix) and truncates every timestamp
 * it sends to whole seconds. On the ×7,200 clock of phase 3 a second is two simulated hours, so
 * every "next poll" would land up to two hours early. The benchmark then uses MariaDB's own driver
 * ({@code jdbc:mariadb:}), which keeps the microseconds. A MySQL server keeps the URL as given.
 */
final class DriverChoice {

    private DriverChoice() {}

    static String forInProcessServices(String url) {
        if (!url.startsWith("jdbc:mysql:")) {
            return url;
        }
        String user = System.getenv().getOrDefault("MYSQL_USERNAME", "root");
        String password = System.getenv().getOrDefault("MYSQL_PASSWORD", "");
        try (var c = DriverManager.getConnection(url, user, password);
                var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            String version = rs.getString(1);
            if (!version.contains("MariaDB")) {
                return url;
            }
            String mariadb = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
            System.out.println("bench: the server is " + version + ": phases 1-4 use MariaDB's JDBC driver (" + mariadb
                    + "), which keeps fractional seconds; Connector/J would truncate them on this server");
            return mariadb;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database at " + url + ": " + e.getMessage(), e);
        }
    }
}
