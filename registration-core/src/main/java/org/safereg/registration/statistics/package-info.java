/** Internal: the pseudonymous statistical projection kept in step with the identified records. */
package org.safereg.registration.statistics;
