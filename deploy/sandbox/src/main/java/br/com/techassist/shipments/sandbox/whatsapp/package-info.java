@NullMarked
package br.com.techassist.shipments.sandbox.whatsapp;

import org.jspecify.annotations.NullMarked;
