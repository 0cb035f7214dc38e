package br.com.techassist.shipments.standalone;

import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.ObjectError;

/**
 * A part of the standalone system (the broker, the sandbox or a service) did not start. The whole
 * process then stops: one service missing would leave parcels silently untracked or unsent.
 */
final class StartFailure extends RuntimeException {

    private final String part;

    StartFailure(String part, Throwable cause) {
        super(part + " failed to start: " + reasonOf(cause), cause);
        this.part = part;
    }

    /** The name of the part that failed, e.g. {@code tracking-poller}. */
    String part() {
        return part;
    }

    /**
     * What is wrong, in one line: the messages of the settings that failed validation, else the
     * innermost message (a port in use, a database that cannot be reached).
     */
    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                return invalid.getValidationErrors().getAllErrors().stream()
                        .map(ObjectError::getDefaultMessage)
                        .collect(Collectors.joining("; "));
            }
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage().strip();
        return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }
}
