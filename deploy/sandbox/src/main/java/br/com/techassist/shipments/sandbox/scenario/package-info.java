@NullMarked
package br.com.techassist.shipments.sandbox.scenario;

import org.jspecify.annotations.NullMarked;
