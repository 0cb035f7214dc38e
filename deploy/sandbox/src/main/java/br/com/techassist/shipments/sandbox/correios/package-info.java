@NullMarked
package br.com.techassist.shipments.sandbox.correios;

import org.jspecify.annotations.NullMarked;
