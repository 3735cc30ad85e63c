package org.safereg.api.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safereg.keys.DataCategory;
import org.safereg.privacy.LegalBasis;
import org.safereg.privacy.PurposeCode;
import org.safereg.privacy.consent.ConsentDeclaration;
import org.safereg.privacy.consent.ConsentGiver;
import org.safereg.privacy.consent.ConsentStatus;
import org.safereg.privacy.consent.DeliveryMode;
import org.safereg.privacy.consent.Notice;
import org.safereg.privacy.consent.PurposeConsent;
import org.safereg.privacy.sharing.RecipientId;
import org.safereg.registration.ValidationException;

/**
 * The {@code consent} of an enrolment request, or the body of a new consent record: what was collected from the
 * person (docs/api.md, "Consent"). {@link #toDeclaration()} checks it; an invalid value answers 400 validation with
 * the path {@code consent} (the message names the rule, never the value).
 *
 * @param notice the notice shown: id, version and the SHA-256 (64 hex digits) of the exact text shown
 * @param language BCP 47 tag of the language used
 * @param givenBy SELF, PARENT_OR_GUARDIAN or OTHER_PROXY ({@code proxyReference} required for a proxy)
 * @param purposes one answer per purpose: purpose code, legal basis, data categories, recipients (codes),
 *                 retention (ISO-8601 period), status GIVEN or REFUSED
 */
public record ConsentBody(@NotNull @Valid NoticeBody notice, @NotNull String language, @NotNull DeliveryMode delivery,
                          boolean interpreterUsed, @NotNull ConsentGiver givenBy, String proxyReference,
                          Boolean childAssent, String site, Instant validUntil, LocalDate reconsentAtMajority,
                          @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull PurposeBody> purposes) {

    /** The notice shown. */
    public record NoticeBody(@NotNull String id, @NotNull String version, @NotNull String sha256) {
    }

    /** The answer for one purpose. */
    public record PurposeBody(@NotNull String purpose, @NotNull LegalBasis basis,
                              @NotNull @Size(min = 1) Set<DataCategory> categories, Set<String> recipients,
                              Period retention, @NotNull ConsentStatus status) {
    }

    /** The core's declaration; throws {@link ValidationException} (path {@code consent}) if a value is invalid. */
    public ConsentDeclaration toDeclaration() {
        try {
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(notice.sha256());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("notice.sha256 must be 64 hexadecimal digits");
            }
            List<PurposeConsent> answers = purposes.stream().map(p -> new PurposeConsent(PurposeCode.of(p.purpose()),
                    p.basis(), p.categories(),
                    p.recipients() == null ? Set.of()
                            : p.recipients().stream().map(RecipientId::of).collect(java.util.stream.Collectors.toSet()),
                    Optional.ofNullable(p.retention()), p.status())).toList();
            return new ConsentDeclaration(new Notice(notice.id(), notice.version(), hash), language, delivery,
                    interpreterUsed, givenBy, Optional.ofNullable(proxyReference), Optional.ofNullable(childAssent),
                    Optional.ofNullable(site), Optional.ofNullable(validUntil), Optional.ofNullable(reconsentAtMajority),
                    answers);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("consent", e.getMessage());
        }
    }
}
