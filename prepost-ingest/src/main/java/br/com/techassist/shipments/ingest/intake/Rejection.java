package br.com.techassist.shipments.ingest.intake;

/** Why a listed pre-posting cannot be registered. */
record Rejection(Reason reason, String detail) {

    enum Reason {
        /** The item is not a pre-posting we can read (wrong types, bad dates…). */
        UNPARSEABLE,
        /** No {@code codigoObjeto}. */
        MISSING_CODE,
        /** {@code codigoObjeto} is not a tracking code (format or check digit). */
        INVALID_CODE,
        /** No recipient, or a recipient without a name. */
        NO_RECIPIENT
    }
}
