package br.com.techassist.shipments.model;

/** A Correios unit; {@code address} is filled for pickup units (where to collect the parcel). */
public record Unit(String type, String name, String city, String state, Address address) {}
