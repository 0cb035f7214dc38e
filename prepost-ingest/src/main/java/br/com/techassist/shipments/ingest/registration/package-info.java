/** The registered tracking codes and the transactional publication of their {@code ShipmentRegistered}. */
@NullMarked
package br.com.techassist.shipments.ingest.registration;

import org.jspecify.annotations.NullMarked;
