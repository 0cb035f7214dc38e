package br.com.techassist.shipments.correios;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Correios refused the credentials or the token (401/403 even after one re-authentication). */
public class CorreiosAuthenticationException extends CorreiosException {

    public CorreiosAuthenticationException(String message, int status, List<String> messages, @Nullable Throwable cause) {
        super(message, status, messages, cause);
    }
}
