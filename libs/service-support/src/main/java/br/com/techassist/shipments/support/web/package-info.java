/**
 * The HTTP conventions of every service: every error is an RFC 9457 problem detail
 * ({@code application/problem+json}) naming the bad field(s), request bodies are bounded, every
 * request has an id ({@code X-Request-Id}).
 */
@NullMarked
package br.com.techassist.shipments.support.web;

import org.jspecify.annotations.NullMarked;
