package br.com.techassist.shipments.support.security;

import java.util.List;
import org.springframework.security.core.Authentication;

/** The roles of the API (contract): what a credential may do. */
public final class ApiRoles {

    /** Registers shipments (another system of the company). */
    public static final String INTEGRATION = "integration";
    /** Reads and corrects contacts, acts on notifications, reads the audit trail. */
    public static final String OPERATOR = "operator";
    /** Reads only; sees personal data masked. */
    public static final String AUDITOR = "auditor";

    static final List<String> ALL = List.of(INTEGRATION, OPERATOR, AUDITOR);

    private ApiRoles() {}

    /** Whether {@code caller} holds {@code role} (granted as {@code ROLE_<role>}); false for no caller. */
    public static boolean held(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
