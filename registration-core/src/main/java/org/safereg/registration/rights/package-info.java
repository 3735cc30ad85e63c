/**
 * Subject rights: signed erasure receipts ({@link org.safereg.registration.rights.SignedErasureReceipt}, verified
 * offline by {@link org.safereg.registration.rights.ErasureReceiptVerifier}) and the subject export
 * ({@link org.safereg.registration.rights.SubjectRightsService}).
 */
package org.safereg.registration.rights;
