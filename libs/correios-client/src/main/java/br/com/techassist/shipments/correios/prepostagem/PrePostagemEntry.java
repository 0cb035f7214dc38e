package br.com.techassist.shipments.correios.prepostagem;

import org.jspecify.annotations.Nullable;

/**
 * One listed item: its raw JSON, its {@code id} and {@code codigoObjeto} as far as they could be
 * read, and either the parsed item or why it could not be parsed (so a single bad item does not
 * spoil its page).
 */
public record PrePostagemEntry(
        String rawJson,
        @Nullable String id,
        @Nullable String codigoObjeto,
        @Nullable PrePostagem item,
        @Nullable String parseError) {

    public boolean parsed() {
        return item != null;
    }
}
