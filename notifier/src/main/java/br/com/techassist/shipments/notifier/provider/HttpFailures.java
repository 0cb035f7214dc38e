package br.com.techassist.shipments.notifier.provider;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;

/** Tells a request that never left (safe to retry) from one whose fate is unknown. */
final class HttpFailures {

    private HttpFailures() {}

    static SendOutcome classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof UnknownHostException) {
                return new SendOutcome.Retry("cannot connect: " + t.getMessage(), "connect");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SendOutcome.Unknown("no answer read: " + root.getClass().getSimpleName() + ": " + root.getMessage());
    }
}
