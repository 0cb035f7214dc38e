@NullMarked
package br.com.techassist.shipments.sandbox;

import org.jspecify.annotations.NullMarked;
