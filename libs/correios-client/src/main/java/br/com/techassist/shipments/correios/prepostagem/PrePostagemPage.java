package br.com.techassist.shipments.correios.prepostagem;

import java.util.List;

/** One page of the listing; ask for the next page while {@link #hasNext()}. */
public record PrePostagemPage(List<PrePostagemEntry> entries, int number, boolean hasNext) {

    public PrePostagemPage {
        entries = List.copyOf(entries);
    }

    public static PrePostagemPage empty(int number) {
        return new PrePostagemPage(List.of(), number, false);
    }
}
