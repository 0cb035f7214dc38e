/** The ShedLock {@code LockProvider} of every service with a database (table {@code shedlock}). */
@NullMarked
package br.com.techassist.shipments.support.lock;

import org.jspecify.annotations.NullMarked;
