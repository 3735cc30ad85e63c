package org.safereg.api.biometrics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.safereg.keys.SubjectId;
import org.safereg.matching.FingerPosition;
import org.safereg.matching.FingerScore;
import org.safereg.matching.ScoreFusion;
import org.safereg.matching.TemplateExtractor;
import org.safereg.registration.biometrics.AdjudicationCase;
import org.safereg.registration.biometrics.AdjudicationDecision;
import org.safereg.registration.biometrics.AdjudicationSummary;
import org.safereg.registration.biometrics.BiometricEnrolmentResult;
import org.safereg.registration.biometrics.BiometricVerification;
import org.safereg.registration.biometrics.CaseStatus;
import org.safereg.registration.biometrics.FingerprintCapture;
import org.safereg.registration.biometrics.IdentificationResult;
import org.safereg.registration.biometrics.MatchCandidate;
import org.safereg.registration.model.IndividualDetails;
import org.safereg.registration.model.RegistrationState;
import org.safereg.registration.model.RegistrationStatus;

/** Request and response bodies of the biometric routes (JSON; images base64-encoded). */
final class BiometricViews {
    private BiometricViews() {
    }

    /**
     * One captured finger.
     *
     * @param position ISO/IEC 19794-4 finger position name (RIGHT_THUMB ... LEFT_LITTLE, UNKNOWN)
     * @param dpi capture resolution, 500 when absent
     * @param image the encoded image (PNG, JPEG, BMP, TIFF or WSQ), base64
     */
    record Fingerprint(@NotNull FingerPosition position, Double dpi, @NotNull byte[] image) {
        FingerprintCapture capture() {
            return new FingerprintCapture(position, image, dpi == null ? TemplateExtractor.DEFAULT_DPI : dpi);
        }

        static List<FingerprintCapture> captures(List<Fingerprint> fingerprints) {
            return fingerprints.stream().map(Fingerprint::capture).toList();
        }
    }

    /** A biometric enrolment: details, fingerprints, and the consent (explicit consent covering BIOMETRIC). */
    record EnrolmentRequest(@NotNull IndividualDetails details,
                            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Fingerprint> fingerprints,
                            @NotNull @Valid org.safereg.api.consent.ConsentBody consent) {
    }

    record VerificationRequest(@NotNull UUID subject,
                               @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Fingerprint> fingerprints) {
    }

    record IdentificationRequest(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Fingerprint> fingerprints) {
    }

    /**
     * @param duplicateOf the existing person (one of the case's candidates), for DUPLICATE only
     * @param reason why (1..500 characters; stored encrypted)
     */
    record DecisionRequest(@NotNull AdjudicationDecision decision, UUID duplicateOf, @NotNull String reason) {
    }

    record FingerScoreView(FingerPosition probePosition, FingerPosition enrolledPosition, double score) {
        static FingerScoreView of(FingerScore s) {
            return new FingerScoreView(s.probePosition(), s.enrolledPosition(), s.score());
        }

        static List<FingerScoreView> of(List<FingerScore> scores) {
            return scores.stream().map(FingerScoreView::of).toList();
        }
    }

    record CandidateView(UUID subject, int rank, double score, List<FingerScoreView> fingers,
                         RegistrationStatus status) {
        static List<CandidateView> of(List<MatchCandidate> candidates) {
            return candidates.stream().map(c -> new CandidateView(c.subject().value(), c.rank(), c.score(),
                    FingerScoreView.of(c.fingers()), c.status())).toList();
        }
    }

    record EnrolmentView(UUID id, RegistrationStatus status, UUID adjudicationCase, List<CandidateView> candidates,
                         double threshold, boolean replayed) {
        static EnrolmentView of(BiometricEnrolmentResult r) {
            return new EnrolmentView(r.id().value(), r.status(), r.adjudicationCase().map(c -> c.value()).orElse(null),
                    CandidateView.of(r.candidates()), r.threshold(), r.replayed());
        }
    }

    record VerificationView(UUID subject, boolean match, double score, double threshold, ScoreFusion fusion,
                            List<FingerScoreView> fingers) {
        static VerificationView of(BiometricVerification v) {
            return new VerificationView(v.subject().value(), v.match(), v.score(), v.threshold(), v.fusion(),
                    FingerScoreView.of(v.fingers()));
        }
    }

    record IdentificationView(double threshold, List<CandidateView> candidates) {
        static IdentificationView of(IdentificationResult r) {
            return new IdentificationView(r.threshold(), CandidateView.of(r.candidates()));
        }
    }

    record RegistrationView(UUID id, RegistrationStatus status, UUID duplicateOf) {
        static RegistrationView of(RegistrationState s) {
            return new RegistrationView(s.id().value(), s.status(), s.duplicateOf().map(SubjectId::value).orElse(null));
        }
    }

    record CaseSummaryView(UUID id, UUID subject, Instant createdAt, int candidateCount, double topScore) {
        static CaseSummaryView of(AdjudicationSummary s) {
            return new CaseSummaryView(s.id().value(), s.subject().value(), s.createdAt(), s.candidateCount(),
                    s.topScore());
        }
    }

    record QueueView(List<CaseSummaryView> items, int page, int size, long total) {
    }

    record OutcomeView(AdjudicationDecision decision, UUID duplicateOf, String reason, String decidedBy,
                       Instant decidedAt) {
    }

    record CaseView(UUID id, UUID subject, RegistrationStatus subjectStatus, CaseStatus status,
                    List<FingerPosition> positions, double threshold, String createdBy, Instant createdAt,
                    List<CandidateView> candidates, OutcomeView outcome) {
        static CaseView of(AdjudicationCase c) {
            return new CaseView(c.id().value(), c.subject().value(), c.subjectStatus(), c.status(), c.positions(),
                    c.threshold(), c.createdBy(), c.createdAt(), CandidateView.of(c.candidates()),
                    c.outcome().map(o -> new OutcomeView(o.decision(), o.duplicateOf().map(SubjectId::value).orElse(null),
                            o.reason(), o.decidedBy(), o.decidedAt())).orElse(null));
        }
    }
}
