package br.com.techassist.shipments.correios.prepostagem;

import org.jspecify.annotations.Nullable;

/**
 * One listed item: its raw JSON, and either the parsed item or why it could not be parsed (so a
 * single bad item does not spoil its page).
 */
public record PrePostagemEntry(String rawJson, @Nullable PrePostagem item, @Nullable String parseError) {

    public boolean parsed() {
        return item != null;
    }
}
