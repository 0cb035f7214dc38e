/** Pulling pre-postings from Correios and registering the new tracking codes. */
@NullMarked
package br.com.techassist.shipments.ingest.intake;

import org.jspecify.annotations.NullMarked;
