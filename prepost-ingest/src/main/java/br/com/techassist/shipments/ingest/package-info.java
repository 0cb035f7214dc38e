/** prepost-ingest: registers every new Correios tracking code (pre-postings and manual registrations). */
@NullMarked
package br.com.techassist.shipments.ingest;

import org.jspecify.annotations.NullMarked;
