/** Households and their membership. */
package org.safereg.registration.households;
