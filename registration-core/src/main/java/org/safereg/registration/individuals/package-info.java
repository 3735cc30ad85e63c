/** Enrolment, read, versioned update, history, search, listing and erasure of individuals. */
package org.safereg.registration.individuals;
