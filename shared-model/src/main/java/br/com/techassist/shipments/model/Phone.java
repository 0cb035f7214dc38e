package br.com.techassist.shipments.model;

/** A Brazilian phone as typed: the DDD (area code) and the local number, digits or not. */
public record Phone(String areaCode, String number) {}
