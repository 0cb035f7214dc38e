/**
 * The LGPD personal-data lifecycle in prepost-ingest: erasure requests by phone, e-mail or CPF/CNPJ
 * ({@code POST /api/privacy/erasures}) and their confirmations, and what this service erases of a
 * parcel ({@link br.com.techassist.shipments.support.privacy.PersonalDataHolder}).
 */
@NullMarked
package br.com.techassist.shipments.ingest.privacy;

import org.jspecify.annotations.NullMarked;
