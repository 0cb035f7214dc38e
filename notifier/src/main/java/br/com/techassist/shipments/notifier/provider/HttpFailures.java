package br.com.techassist.shipments.notifier.provider;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

/** Tells a request that never left (the provider is unreachable) from one whose fate is unknown. */
final class HttpFailures {

    private HttpFailures() {}

    /** True when {@code e} (or a cause) says no connection was made, so nothing was sent. */
    static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static SendOutcome classify(Exception e) {
        if (neverConnected(e)) {
            return new SendOutcome.Paused("cannot connect: " + rootMessage(e), "connect", PauseCause.DISCONNECTED);
        }
        return new SendOutcome.Unknown("no answer read: " + rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
