package br.com.techassist.shipments.notifier.provider;

/** A message the provider's own store says this account sent: its id and text. */
public record StoredMessage(String id, String text) {}
