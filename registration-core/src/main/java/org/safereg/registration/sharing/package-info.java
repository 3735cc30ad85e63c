/**
 * Data-sharing agreements and transfers: the data protection officer records, lists and revokes agreements with
 * recipient organisations ({@link org.safereg.registration.sharing.AgreementService}); officers transfer personal
 * data to a recipient only under an active agreement covering the purpose and the fields, and only for subjects
 * with a basis for that purpose ({@link org.safereg.registration.sharing.TransferService}); every transfer is
 * recorded per subject ({@link org.safereg.registration.sharing.TransferLedger}) for the subject's disclosure list.
 */
package org.safereg.registration.sharing;
