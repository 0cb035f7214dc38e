package br.com.techassist.shipments.support.web;

/** One invalid field of a request, e.g. {@code recipient.phone}, and what is wrong with it. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
