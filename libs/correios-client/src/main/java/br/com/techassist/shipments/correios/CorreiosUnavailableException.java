package br.com.techassist.shipments.correios;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Correios did not answer usefully (5xx, 429, timeout) after the retries, or the circuit is open: try later. */
public class CorreiosUnavailableException extends CorreiosException {

    public CorreiosUnavailableException(String message, int status, List<String> messages, @Nullable Throwable cause) {
        super(message, status, messages, cause);
    }
}
