/** HTTP API of prepost-ingest: manual registration. */
@NullMarked
package br.com.techassist.shipments.ingest.web;

import org.jspecify.annotations.NullMarked;
