package br.com.techassist.shipments.correios.prepostagem;

import org.jspecify.annotations.Nullable;

/** Status of a pre-posting: the filter takes the name, responses carry the number ({@code statusAtual}). */
public enum PrePostagemStatus {
    PREATENDIDO(1),
    PREPOSTADO(2),
    POSTADO(3),
    EXPIRADO(4),
    CANCELADO(5),
    ESTORNADO(6);

    private final int code;

    PrePostagemStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether listing this status needs a creation-date window (at most 30 days). */
    public boolean needsDates() {
        return this != PREPOSTADO && this != PREATENDIDO;
    }

    public static @Nullable PrePostagemStatus ofCode(@Nullable Integer code) {
        if (code != null) {
            for (PrePostagemStatus s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
        }
        return null;
    }
}
