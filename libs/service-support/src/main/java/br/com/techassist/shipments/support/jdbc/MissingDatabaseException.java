package br.com.techassist.shipments.support.jdbc;

/** A service started without its database ({@code MYSQL_URL}); see {@link RequiredDatabaseAutoConfiguration}. */
public class MissingDatabaseException extends IllegalStateException {

    private final String service;

    public MissingDatabaseException(String service) {
        super(service + " refuses to start: MYSQL_URL is not set. Set MYSQL_URL (with MYSQL_USERNAME and"
                + " MYSQL_PASSWORD) to its MySQL database, e.g. jdbc:mysql://mysql:3306/shipments. There is no"
                + " embedded database outside the standalone launcher (deploy/standalone) and tests.");
        this.service = service;
    }

    public String service() {
        return service;
    }
}
