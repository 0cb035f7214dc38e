package br.com.techassist.shipments.model;

/** A Brazilian postal address; {@code state} is the UF (two letters), {@code zipCode} the CEP. */
public record Address(
        String street, String number, String complement, String district, String city, String state, String zipCode) {}
