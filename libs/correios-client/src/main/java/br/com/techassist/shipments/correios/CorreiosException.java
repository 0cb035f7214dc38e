package br.com.techassist.shipments.correios;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Correios call failed; the message carries the {@code msgs[]} of the Correios error body, if any. */
public class CorreiosException extends RuntimeException {

    private final int status;
    private final List<String> messages;

    public CorreiosException(String message, int status, List<String> messages, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    public CorreiosException(String message) {
        this(message, 0, List.of(), null);
    }

    /** The HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }

    /** The {@code msgs[]} of the Correios error body (e.g. {@code GTW-008: ...}). */
    public List<String> messages() {
        return messages;
    }
}
