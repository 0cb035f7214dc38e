@NullMarked
package br.com.techassist.shipments.sandbox.clock;

import org.jspecify.annotations.NullMarked;
