/** Client of the Correios CWS APIs: token by cartão de postagem, and the robust HTTP layer under the API clients. */
@NullMarked
package br.com.techassist.shipments.correios;

import org.jspecify.annotations.NullMarked;
