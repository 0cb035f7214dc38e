/**
 * API security shared by every service: {@code /api/**} needs an API key or (with an issuer) a JWT,
 * each endpoint's role is declared by its service as an {@link br.com.techassist.shipments.support.security.ApiAccess},
 * 401/403 are problem details counted in {@code shipments_api_access_denied_total}.
 */
@NullMarked
package br.com.techassist.shipments.support.security;

import org.jspecify.annotations.NullMarked;
