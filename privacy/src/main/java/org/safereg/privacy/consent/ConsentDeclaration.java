package org.safereg.privacy.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safereg.privacy.PurposeCode;

/**
 * What was collected from the person when consent was asked: the notice shown and how, who answered, and the
 * answer per purpose. The server adds the record id, the subject, the collecting user and the time
 * ({@link ConsentRecord}).
 *
 * @param language the language the notice was given in (BCP 47 tag, e.g. {@code so}, {@code ar}, {@code en-GB})
 * @param interpreterUsed whether an interpreter conveyed the notice
 * @param givenBy who answered: the subject, a parent or guardian, or another proxy
 * @param proxyReference the proxy's reference (e.g. the guardian's individual id or document), required unless
 *                       {@code givenBy} is SELF; free text, stored encrypted
 * @param childAssent for a child, whether the child assented (absent for adults)
 * @param site where it was collected (site id), if at a site
 * @param validUntil when the consent lapses, if it does
 * @param reconsentAtMajority for a child, the date they come of age and must be asked again
 * @param purposes one answer per purpose, at least one, each purpose once
 */
public record ConsentDeclaration(Notice notice, String language, DeliveryMode delivery, boolean interpreterUsed,
                                 ConsentGiver givenBy, Optional<String> proxyReference, Optional<Boolean> childAssent,
                                 Optional<String> site, Optional<Instant> validUntil,
                                 Optional<LocalDate> reconsentAtMajority, List<PurposeConsent> purposes) {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    public ConsentDeclaration {
        Objects.requireNonNull(notice, "notice");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a BCP 47 tag");
        }
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(givenBy, "givenBy");
        proxyReference = proxyReference == null ? Optional.empty() : proxyReference.map(String::strip)
                .filter(r -> !r.isEmpty());
        if (givenBy != ConsentGiver.SELF && proxyReference.isEmpty()) {
            throw new IllegalArgumentException("a proxy's consent needs the proxy's reference");
        }
        if (proxyReference.map(r -> r.length() > 200).orElse(false)) {
            throw new IllegalArgumentException("proxy reference longer than 200 characters");
        }
        childAssent = childAssent == null ? Optional.empty() : childAssent;
        site = site == null ? Optional.empty() : site;
        validUntil = validUntil == null ? Optional.empty() : validUntil;
        reconsentAtMajority = reconsentAtMajority == null ? Optional.empty() : reconsentAtMajority;
        purposes = List.copyOf(purposes);
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("a consent record answers for at least one purpose");
        }
        Set<PurposeCode> seen = new HashSet<>();
        for (PurposeConsent p : purposes) {
            if (!seen.add(p.purpose())) {
                throw new IllegalArgumentException("purpose " + p.purpose() + " answered twice");
            }
            if (p.status() == ConsentStatus.WITHDRAWN) {
                throw new IllegalArgumentException("a new consent record answers GIVEN or REFUSED; withdraw instead");
            }
        }
    }
}
