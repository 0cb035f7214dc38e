package br.com.techassist.shipments.support;

/**
 * Tells a failure of the infrastructure (a database or broker briefly away: failover, killed
 * connection, restart) from a failure of the work itself. Work that failed for the first reason
 * is worth trying again as it is; work that failed for the second is not.
 */
public final class Outages {

    private Outages() {}

    /** True when {@code ex} or one of its causes says the database or the broker is (briefly) away. */
    public static boolean isOutage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }
}
