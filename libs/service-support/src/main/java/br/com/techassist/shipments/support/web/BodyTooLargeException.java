package br.com.techassist.shipments.support.web;

import java.io.IOException;

/** A request body longer than {@code shipments.web.max-body-size}; answered 413. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
