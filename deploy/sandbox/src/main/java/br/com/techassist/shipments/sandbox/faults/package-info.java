@NullMarked
package br.com.techassist.shipments.sandbox.faults;

import org.jspecify.annotations.NullMarked;
