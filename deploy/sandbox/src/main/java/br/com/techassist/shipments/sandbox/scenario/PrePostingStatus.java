package br.com.techassist.shipments.sandbox.scenario;

/** Pré-Postagem {@code statusAtual}: numeric in responses, by name in the {@code status} filter. */
public enum PrePostingStatus {
    PREATENDIDO(1, "Pré-atendido"),
    PREPOSTADO(2, "Pré-postado"),
    POSTADO(3, "Postado"),
    EXPIRADO(4, "Expirado"),
    CANCELADO(5, "Cancelado"),
    ESTORNADO(6, "Estornado");

    private final int code;
    private final String description;

    PrePostingStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
