package br.com.techassist.shipments.model;

/** Who receives the parcel, as the company registered it. Any field may be null. */
public record Recipient(String name, Phone mobile, Phone landline, String email, Address address) {}
