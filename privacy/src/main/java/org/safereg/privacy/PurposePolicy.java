package org.safereg.privacy;

import static org.safereg.privacy.Action.AUDIT_VERIFY;
import static org.safereg.privacy.Action.ENROL;
import static org.safereg.privacy.Action.ERASE;
import static org.safereg.privacy.Action.HOUSEHOLD_CHANGE;
import static org.safereg.privacy.Action.KEY_MANAGEMENT;
import static org.safereg.privacy.Action.LIST;
import static org.safereg.privacy.Action.READ;
import static org.safereg.privacy.Action.READ_HISTORY;
import static org.safereg.privacy.Action.SEARCH;
import static org.safereg.privacy.Action.UPDATE;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configurable role -> allowed purposes table and purpose -> covered actions table, and the
 * {@link PolicyDecisionPoint} built on them. {@link #decide} checks, in this order:
 * <ol>
 * <li>a purpose is declared (not missing or blank), else {@link DenialReason#NO_PURPOSE};</li>
 * <li>it is a well-formed {@link PurposeCode}, else {@link DenialReason#INVALID_PURPOSE};</li>
 * <li>it is not {@linkplain #PROHIBITED prohibited}, else {@link DenialReason#PROHIBITED_PURPOSE};</li>
 * <li>it is a known purpose (a key of the coverage table), else {@link DenialReason#INVALID_PURPOSE};</li>
 * <li>one of the actor's roles allows it, else {@link DenialReason#PURPOSE_NOT_ALLOWED_FOR_ROLE};</li>
 * <li>the purpose covers the requested action, else {@link DenialReason#ACTION_NOT_COVERED_BY_PURPOSE}.</li>
 * </ol>
 * A permit names the purpose and the first of the actor's roles, in {@link Role} declaration order, that
 * allows it. Prohibited purposes (LAW_ENFORCEMENT, IMMIGRATION_ENFORCEMENT, MILITARY, COMMERCIAL) can never be
 * allowed: tables that mention them are rejected at construction, as are role entries naming an unknown purpose.
 *
 * <p><b>Known purposes and the actions they cover</b> ({@link #defaultCoverage()}):
 * <table>
 * <caption>Default purpose coverage</caption>
 * <tr><th>Purpose</th><th>Actions</th></tr>
 * <tr><td>REG.ENROL</td><td>ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST</td></tr>
 * <tr><td>REG.DEDUP</td><td>SEARCH, READ</td></tr>
 * <tr><td>REG.VERIFY</td><td>READ, SEARCH</td></tr>
 * <tr><td>ASSIST.CASH, ASSIST.NFI, ASSIST.SHELTER</td><td>READ, SEARCH, LIST</td></tr>
 * <tr><td>PROT.CASE, PROT.FAMILY_TRACING, SOLUTIONS.RESETTLEMENT</td>
 *     <td>READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE</td></tr>
 * <tr><td>FRAUD</td><td>READ, SEARCH, READ_HISTORY</td></tr>
 * <tr><td>STATS.OPS, STATS.PUBLIC, STATS.RELEASE</td><td>none of the individual-level actions
 *     (aggregate statistics only)</td></tr>
 * <tr><td>AUDIT</td><td>AUDIT_VERIFY, READ_HISTORY</td></tr>
 * <tr><td>SUBJECT_REQUEST</td><td>READ, READ_HISTORY, ERASE</td></tr>
 * <tr><td>ADMIN.KEYS</td><td>KEY_MANAGEMENT</td></tr>
 * </table>
 *
 * <p><b>Default role table</b> ({@link #defaults()}):
 * <table>
 * <caption>Default allowed purposes per role</caption>
 * <tr><th>Role</th><th>Allowed purposes</th></tr>
 * <tr><td>REGISTRATION_OFFICER</td><td>REG.ENROL, REG.DEDUP, REG.VERIFY, ASSIST.CASH, ASSIST.NFI, ASSIST.SHELTER</td></tr>
 * <tr><td>PROTECTION_OFFICER</td><td>PROT.CASE, PROT.FAMILY_TRACING, SOLUTIONS.RESETTLEMENT, REG.VERIFY</td></tr>
 * <tr><td>STATISTICIAN</td><td>STATS.OPS, STATS.PUBLIC, STATS.RELEASE</td></tr>
 * <tr><td>DATA_PROTECTION_OFFICER</td><td>AUDIT, SUBJECT_REQUEST, ADMIN.KEYS</td></tr>
 * <tr><td>ADMIN</td><td>none (account administration touches no personal data)</td></tr>
 * </table>
 * FRAUD is a known purpose that no role holds by default.
 *
 * <p>Immutable and thread-safe; {@link #decide} does no I/O and costs well under a microsecond.
 */
public final class PurposePolicy implements PolicyDecisionPoint {

    /** Purposes no configuration can allow. */
    public static final Set<PurposeCode> PROHIBITED = Set.of(
            PurposeCode.of("LAW_ENFORCEMENT"), PurposeCode.of("IMMIGRATION_ENFORCEMENT"),
            PurposeCode.of("MILITARY"), PurposeCode.of("COMMERCIAL"));

    private static final Map<PurposeCode, Set<Action>> DEFAULT_COVERAGE = coverage();
    private static final Map<Role, Set<PurposeCode>> DEFAULT_ROLES = roles();

    private final Map<Role, Set<PurposeCode>> allowedByRole;
    private final Map<PurposeCode, Set<Action>> actionsByPurpose;

    /** A policy over {@code allowedByRole} with the {@linkplain #defaultCoverage() default action coverage}. */
    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole) {
        this(allowedByRole, DEFAULT_COVERAGE);
    }

    /**
     * A policy over both tables. Roles absent from {@code allowedByRole} may use no purpose; the keys of
     * {@code actionsByPurpose} are the known purposes. Throws {@link IllegalArgumentException} if either table
     * mentions a prohibited purpose or a role is allowed a purpose with no entry in {@code actionsByPurpose}.
     */
    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole, Map<PurposeCode, Set<Action>> actionsByPurpose) {
        Map<PurposeCode, Set<Action>> coverage = new LinkedHashMap<>();
        actionsByPurpose.forEach((purpose, actions) -> {
            requireNotProhibited(purpose);
            coverage.put(purpose, Set.copyOf(actions));
        });
        Map<Role, Set<PurposeCode>> roles = new EnumMap<>(Role.class);
        allowedByRole.forEach((role, purposes) -> {
            Objects.requireNonNull(role, "role");
            for (PurposeCode purpose : purposes) {
                requireNotProhibited(purpose);
                if (!coverage.containsKey(purpose)) {
                    throw new IllegalArgumentException("purpose " + purpose + " allowed for role " + role
                            + " is not a known purpose");
                }
            }
            roles.put(role, Set.copyOf(purposes));
        });
        this.actionsByPurpose = Map.copyOf(coverage);
        this.allowedByRole = roles;
    }

    /** The default tables documented on this class. */
    public static PurposePolicy defaults() {
        return new PurposePolicy(DEFAULT_ROLES, DEFAULT_COVERAGE);
    }

    /** The default purpose -> actions table (the known purposes and what each covers). */
    public static Map<PurposeCode, Set<Action>> defaultCoverage() {
        return DEFAULT_COVERAGE;
    }

    /**
     * A policy from configuration strings (e.g. application properties), with the default action coverage.
     * Keys are role names, case-insensitive, {@code -} read as {@code _} ({@code registration-officer}); values
     * are purpose codes. The table is complete: roles not listed may use no purpose. Throws
     * {@link IllegalArgumentException} for an unknown role, a malformed, unknown or prohibited purpose.
     */
    public static PurposePolicy fromConfiguration(Map<String, List<String>> roleToPurposes) {
        return fromConfiguration(roleToPurposes, Map.of());
    }

    /**
     * Like {@link #fromConfiguration(Map)}, with {@code purposeToActions} adding purposes to, or replacing
     * entries of, the default coverage (action names as in {@link Action}, case-insensitive).
     */
    public static PurposePolicy fromConfiguration(Map<String, List<String>> roleToPurposes,
                                                  Map<String, List<String>> purposeToActions) {
        Map<PurposeCode, Set<Action>> coverage = new LinkedHashMap<>(DEFAULT_COVERAGE);
        purposeToActions.forEach((purpose, actions) -> {
            Set<Action> parsed = EnumSet.noneOf(Action.class);
            actions.forEach(action -> parsed.add(Action.valueOf(configName(action))));
            coverage.put(PurposeCode.of(purpose.strip()), parsed);
        });
        Map<Role, Set<PurposeCode>> roles = new EnumMap<>(Role.class);
        roleToPurposes.forEach((role, purposes) -> roles.put(parseRole(role),
                purposes.stream().map(p -> PurposeCode.of(p.strip())).collect(Collectors.toSet())));
        return new PurposePolicy(roles, coverage);
    }

    /** Purposes {@code role} may use (empty if none). */
    public Set<PurposeCode> allowedFor(Role role) {
        return allowedByRole.getOrDefault(role, Set.of());
    }

    /** Actions {@code purpose} covers (empty if none or unknown). */
    public Set<Action> actionsCoveredBy(PurposeCode purpose) {
        return actionsByPurpose.getOrDefault(purpose, Set.of());
    }

    /** The known purposes. */
    public Set<PurposeCode> knownPurposes() {
        return actionsByPurpose.keySet();
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        Optional<String> declared = request.declaredPurpose();
        if (declared.isEmpty() || declared.get().isBlank()) {
            return new AccessDecision.Deny(DenialReason.NO_PURPOSE);
        }
        PurposeCode purpose;
        try {
            purpose = PurposeCode.of(declared.get());
        } catch (IllegalArgumentException malformed) {
            return new AccessDecision.Deny(DenialReason.INVALID_PURPOSE);
        }
        if (PROHIBITED.contains(purpose)) {
            return new AccessDecision.Deny(DenialReason.PROHIBITED_PURPOSE);
        }
        Set<Action> covered = actionsByPurpose.get(purpose);
        if (covered == null) {
            return new AccessDecision.Deny(DenialReason.INVALID_PURPOSE);
        }
        for (Role role : Role.values()) {
            if (request.actor().roles().contains(role) && allowedFor(role).contains(purpose)) {
                return covered.contains(request.action())
                        ? new AccessDecision.Permit(purpose, role)
                        : new AccessDecision.Deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE);
            }
        }
        return new AccessDecision.Deny(DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE);
    }

    private static void requireNotProhibited(PurposeCode purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (PROHIBITED.contains(purpose)) {
            throw new IllegalArgumentException("purpose " + purpose + " is prohibited and cannot be configured");
        }
    }

    private static Role parseRole(String name) {
        try {
            return Role.valueOf(configName(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role in purpose configuration: " + name, e);
        }
    }

    private static String configName(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<PurposeCode, Set<Action>> coverage() {
        Map<PurposeCode, Set<Action>> c = new LinkedHashMap<>();
        c.put(PurposeCode.of("REG.ENROL"), Set.of(ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST));
        c.put(PurposeCode.of("REG.DEDUP"), Set.of(SEARCH, READ));
        c.put(PurposeCode.of("REG.VERIFY"), Set.of(READ, SEARCH));
        for (String assistance : List.of("ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER")) {
            c.put(PurposeCode.of(assistance), Set.of(READ, SEARCH, LIST));
        }
        for (String protection : List.of("PROT.CASE", "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT")) {
            c.put(PurposeCode.of(protection), Set.of(READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE));
        }
        c.put(PurposeCode.of("FRAUD"), Set.of(READ, SEARCH, READ_HISTORY));
        for (String statistics : List.of("STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE")) {
            c.put(PurposeCode.of(statistics), Set.of());
        }
        c.put(PurposeCode.of("AUDIT"), Set.of(AUDIT_VERIFY, READ_HISTORY));
        c.put(PurposeCode.of("SUBJECT_REQUEST"), Set.of(READ, READ_HISTORY, ERASE));
        c.put(PurposeCode.of("ADMIN.KEYS"), Set.of(KEY_MANAGEMENT));
        return Map.copyOf(c);
    }

    private static Map<Role, Set<PurposeCode>> roles() {
        Map<Role, Set<PurposeCode>> r = new EnumMap<>(Role.class);
        r.put(Role.REGISTRATION_OFFICER, purposes("REG.ENROL", "REG.DEDUP", "REG.VERIFY",
                "ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER"));
        r.put(Role.PROTECTION_OFFICER, purposes("PROT.CASE", "PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT", "REG.VERIFY"));
        r.put(Role.STATISTICIAN, purposes("STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE"));
        r.put(Role.DATA_PROTECTION_OFFICER, purposes("AUDIT", "SUBJECT_REQUEST", "ADMIN.KEYS"));
        r.put(Role.ADMIN, Set.of());
        return r;
    }

    private static Set<PurposeCode> purposes(String... codes) {
        return Arrays.stream(codes).map(PurposeCode::of).collect(Collectors.toUnmodifiableSet());
    }
}
