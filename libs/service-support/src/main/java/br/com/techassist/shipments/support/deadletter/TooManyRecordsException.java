package br.com.techassist.shipments.support.deadletter;

/** A replay naming more records than one call may republish. */
public class TooManyRecordsException extends RuntimeException {

    TooManyRecordsException(int max) {
        super("more than " + max + " records match; replay them in several calls (a smaller offset range)");
    }
}
