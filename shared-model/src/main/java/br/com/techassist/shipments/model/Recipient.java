package br.com.techassist.shipments.model;

/**
 * Who receives the parcel, as the company registered it. Any field may be null. Every field is
 * personal data (LGPD; {@link PersonalDataFields}): kept no longer than {@code PII_RETENTION} after
 * the parcel finished, erased on {@value Topics#PRIVACY}, masked in logs.
 */
public record Recipient(String name, Phone mobile, Phone landline, String email, Address address) {}
