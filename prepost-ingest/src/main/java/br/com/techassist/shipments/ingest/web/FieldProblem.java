package br.com.techassist.shipments.ingest.web;

/** One invalid field of a request, e.g. {@code recipient.phone}. */
record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
