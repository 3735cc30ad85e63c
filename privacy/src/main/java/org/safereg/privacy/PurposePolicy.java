package org.safereg.privacy;

import static org.safereg.privacy.Action.ADJUDICATION_DECIDE;
import static org.safereg.privacy.Action.ADJUDICATION_VIEW;
import static org.safereg.privacy.Action.AUDIT_VERIFY;
import static org.safereg.privacy.Action.BIOMETRIC_ENROL;
import static org.safereg.privacy.Action.BIOMETRIC_IDENTIFY;
import static org.safereg.privacy.Action.BIOMETRIC_IMAGE_VIEW;
import static org.safereg.privacy.Action.BIOMETRIC_REEXTRACT;
import static org.safereg.privacy.Action.BIOMETRIC_VERIFY;
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
import java.util.Collections;
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
 * The configurable role -> allowed purposes table and purpose -> covered actions table, the action -> roles
 * restriction table, and the {@link PolicyDecisionPoint} built on them. {@link #decide} checks, in this order:
 * <ol>
 * <li>a purpose is declared (not missing or blank), else {@link DenialReason#NO_PURPOSE};</li>
 * <li>it is a well-formed {@link PurposeCode}, else {@link DenialReason#INVALID_PURPOSE};</li>
 * <li>it is not {@linkplain #PROHIBITED prohibited}, else {@link DenialReason#PROHIBITED_PURPOSE};</li>
 * <li>it is a known purpose (a key of the coverage table), else {@link DenialReason#INVALID_PURPOSE};</li>
 * <li>one of the actor's roles allows it, else {@link DenialReason#PURPOSE_NOT_ALLOWED_FOR_ROLE};</li>
 * <li>the purpose covers the requested action, else {@link DenialReason#ACTION_NOT_COVERED_BY_PURPOSE};</li>
 * <li>if the action is role-restricted, one of the actor's roles that allows the purpose may perform it, else
 *     {@link DenialReason#ACTION_NOT_ALLOWED_FOR_ROLE}.</li>
 * </ol>
 * A permit names the purpose and the first of the actor's roles, in {@link Role} declaration order, that
 * allows it (and, for a role-restricted action, may perform it). Prohibited purposes (LAW_ENFORCEMENT, IMMIGRATION_ENFORCEMENT, MILITARY, COMMERCIAL) can never be
 * allowed: tables that mention them are rejected at construction, as are role entries naming an unknown purpose.
 *
 * <p><b>Known purposes and the actions they cover</b> ({@link #defaultCoverage()}):
 * <table>
 * <caption>Default purpose coverage</caption>
 * <tr><th>Purpose</th><th>Actions</th></tr>
 * <tr><td>REG.ENROL</td><td>ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST, BIOMETRIC_ENROL,
 *     ADJUDICATION_VIEW, ADJUDICATION_DECIDE</td></tr>
 * <tr><td>REG.DEDUP</td><td>SEARCH, READ, BIOMETRIC_ENROL, ADJUDICATION_VIEW, ADJUDICATION_DECIDE,
 *     BIOMETRIC_IMAGE_VIEW, BIOMETRIC_IDENTIFY</td></tr>
 * <tr><td>REG.VERIFY</td><td>READ, SEARCH, BIOMETRIC_VERIFY</td></tr>
 * <tr><td>ASSIST.CASH, ASSIST.NFI, ASSIST.SHELTER</td><td>READ, SEARCH, LIST</td></tr>
 * <tr><td>PROT.CASE</td><td>READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE, BIOMETRIC_IDENTIFY,
 *     BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE</td></tr>
 * <tr><td>PROT.CASE_NOTES</td><td>CASE_NOTE_READ, CASE_NOTE_WRITE, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE</td></tr>
 * <tr><td>PROT.FAMILY_TRACING</td>
 *     <td>READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE</td></tr>
 * <tr><td>SOLUTIONS.RESETTLEMENT</td><td>READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE</td></tr>
 * <tr><td>FRAUD</td><td>READ, SEARCH, READ_HISTORY</td></tr>
 * <tr><td>STATS.OPS, STATS.PUBLIC, STATS.RELEASE</td><td>none of the individual-level actions
 *     (aggregate statistics only)</td></tr>
 * <tr><td>AUDIT</td><td>AUDIT_VERIFY, READ_HISTORY, BREAK_GLASS_REVIEW</td></tr>
 * <tr><td>SUBJECT_REQUEST</td><td>READ, READ_HISTORY, ERASE</td></tr>
 * <tr><td>ADMIN.KEYS</td><td>KEY_MANAGEMENT</td></tr>
 * <tr><td>ADMIN.BIOMETRICS</td><td>BIOMETRIC_REEXTRACT</td></tr>
 * </table>
 *
 * <p><b>Default role table</b> ({@link #defaults()}):
 * <table>
 * <caption>Default allowed purposes per role</caption>
 * <tr><th>Role</th><th>Allowed purposes</th></tr>
 * <tr><td>REGISTRATION_OFFICER</td><td>REG.ENROL, REG.DEDUP, REG.VERIFY, ASSIST.CASH, ASSIST.NFI, ASSIST.SHELTER</td></tr>
 * <tr><td>PROTECTION_OFFICER</td><td>PROT.CASE, PROT.CASE_NOTES, PROT.FAMILY_TRACING, SOLUTIONS.RESETTLEMENT,
 *     REG.VERIFY</td></tr>
 * <tr><td>STATISTICIAN</td><td>STATS.OPS, STATS.PUBLIC, STATS.RELEASE</td></tr>
 * <tr><td>DATA_PROTECTION_OFFICER</td><td>AUDIT, SUBJECT_REQUEST, ADMIN.KEYS, ADMIN.BIOMETRICS</td></tr>
 * <tr><td>ADMIN</td><td>none (account administration touches no personal data)</td></tr>
 * <tr><td>ADJUDICATOR</td><td>REG.DEDUP</td></tr>
 * </table>
 * FRAUD is a known purpose that no role holds by default.
 *
 * <p><b>Role-restricted actions</b> ({@link #defaultActionRoles()}): whatever the purpose, only these roles may
 * perform them (every other action is open to any role that may use a purpose covering it):
 * <table>
 * <caption>Default action restrictions</caption>
 * <tr><th>Action</th><th>Only by</th></tr>
 * <tr><td>BIOMETRIC_ENROL</td><td>REGISTRATION_OFFICER</td></tr>
 * <tr><td>ADJUDICATION_VIEW, ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW</td><td>ADJUDICATOR</td></tr>
 * <tr><td>BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE, CASE_NOTE_READ, CASE_NOTE_WRITE</td>
 *     <td>PROTECTION_OFFICER</td></tr>
 * <tr><td>BREAK_GLASS_REVIEW</td><td>DATA_PROTECTION_OFFICER</td></tr>
 * </table>
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
    private static final Map<Action, Set<Role>> DEFAULT_ACTION_ROLES = actionRoles();

    private final Map<Role, Set<PurposeCode>> allowedByRole;
    private final Map<PurposeCode, Set<Action>> actionsByPurpose;
    private final Map<Action, Set<Role>> rolesByAction;

    /**
     * A policy over {@code allowedByRole} with the {@linkplain #defaultCoverage() default action coverage} and
     * the {@linkplain #defaultActionRoles() default action restrictions}.
     */
    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole) {
        this(allowedByRole, DEFAULT_COVERAGE);
    }

    /**
     * A policy over both tables, with the {@linkplain #defaultActionRoles() default action restrictions}. Roles
     * absent from {@code allowedByRole} may use no purpose; the keys of {@code actionsByPurpose} are the known
     * purposes. Throws {@link IllegalArgumentException} if either table mentions a prohibited purpose or a role is
     * allowed a purpose with no entry in {@code actionsByPurpose}.
     */
    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole, Map<PurposeCode, Set<Action>> actionsByPurpose) {
        this(allowedByRole, actionsByPurpose, DEFAULT_ACTION_ROLES);
    }

    /**
     * A policy over the three tables: as {@link #PurposePolicy(Map, Map)}, with {@code rolesByAction} listing, for
     * each role-restricted action, the only roles that may perform it (actions absent from it are not
     * restricted by role; an empty set means nobody).
     */
    public PurposePolicy(Map<Role, Set<PurposeCode>> allowedByRole, Map<PurposeCode, Set<Action>> actionsByPurpose,
                         Map<Action, Set<Role>> rolesByAction) {
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
        Map<Action, Set<Role>> restrictions = new EnumMap<>(Action.class);
        rolesByAction.forEach((action, only) -> restrictions.put(Objects.requireNonNull(action, "action"),
                Set.copyOf(only)));
        this.actionsByPurpose = Map.copyOf(coverage);
        this.allowedByRole = roles;
        this.rolesByAction = restrictions;
    }

    /** The default tables documented on this class. */
    public static PurposePolicy defaults() {
        return new PurposePolicy(DEFAULT_ROLES, DEFAULT_COVERAGE, DEFAULT_ACTION_ROLES);
    }

    /** The default action -> roles restrictions (actions only the listed roles may perform). */
    public static Map<Action, Set<Role>> defaultActionRoles() {
        return DEFAULT_ACTION_ROLES;
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

    /** Whether {@code role} may perform {@code action} at all (true unless the action is restricted to other roles). */
    public boolean mayPerform(Role role, Action action) {
        Set<Role> only = rolesByAction.get(action);
        return only == null || only.contains(role);
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
        boolean purposeAllowed = false;
        for (Role role : Role.values()) {
            if (request.actor().roles().contains(role) && allowedFor(role).contains(purpose)) {
                if (!covered.contains(request.action())) {
                    return new AccessDecision.Deny(DenialReason.ACTION_NOT_COVERED_BY_PURPOSE);
                }
                if (mayPerform(role, request.action())) {
                    return new AccessDecision.Permit(purpose, role);
                }
                purposeAllowed = true;
            }
        }
        return new AccessDecision.Deny(purposeAllowed
                ? DenialReason.ACTION_NOT_ALLOWED_FOR_ROLE
                : DenialReason.PURPOSE_NOT_ALLOWED_FOR_ROLE);
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
        c.put(PurposeCode.of("REG.ENROL"), Set.of(ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST,
                BIOMETRIC_ENROL, ADJUDICATION_VIEW, ADJUDICATION_DECIDE));
        c.put(PurposeCode.of("REG.DEDUP"), Set.of(SEARCH, READ, BIOMETRIC_ENROL, ADJUDICATION_VIEW,
                ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW, BIOMETRIC_IDENTIFY));
        c.put(PurposeCode.of("REG.VERIFY"), Set.of(READ, SEARCH, BIOMETRIC_VERIFY));
        for (String assistance : List.of("ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER")) {
            c.put(PurposeCode.of(assistance), Set.of(READ, SEARCH, LIST));
        }
        c.put(PurposeCode.of("PROT.CASE"), Set.of(READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE,
                BIOMETRIC_IDENTIFY));
        for (String protection : List.of("PROT.FAMILY_TRACING", "SOLUTIONS.RESETTLEMENT")) {
            c.put(PurposeCode.of(protection), Set.of(READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE));
        }
        for (String breakGlass : List.of("PROT.CASE", "PROT.FAMILY_TRACING")) {
            Set<Action> actions = EnumSet.copyOf(c.get(PurposeCode.of(breakGlass)));
            actions.addAll(List.of(Action.BREAK_GLASS_REQUEST, Action.BREAK_GLASS_APPROVE));
            c.put(PurposeCode.of(breakGlass), Set.copyOf(actions));
        }
        c.put(PurposeCode.of("PROT.CASE_NOTES"), Set.of(Action.CASE_NOTE_READ, Action.CASE_NOTE_WRITE,
                Action.BREAK_GLASS_REQUEST, Action.BREAK_GLASS_APPROVE));
        c.put(PurposeCode.of("FRAUD"), Set.of(READ, SEARCH, READ_HISTORY));
        for (String statistics : List.of("STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE")) {
            c.put(PurposeCode.of(statistics), Set.of());
        }
        c.put(PurposeCode.of("AUDIT"), Set.of(AUDIT_VERIFY, READ_HISTORY, Action.BREAK_GLASS_REVIEW));
        c.put(PurposeCode.of("SUBJECT_REQUEST"), Set.of(READ, READ_HISTORY, ERASE));
        c.put(PurposeCode.of("ADMIN.KEYS"), Set.of(KEY_MANAGEMENT));
        c.put(PurposeCode.of("ADMIN.BIOMETRICS"), Set.of(BIOMETRIC_REEXTRACT));
        return Map.copyOf(c);
    }

    private static Map<Role, Set<PurposeCode>> roles() {
        Map<Role, Set<PurposeCode>> r = new EnumMap<>(Role.class);
        r.put(Role.REGISTRATION_OFFICER, purposes("REG.ENROL", "REG.DEDUP", "REG.VERIFY",
                "ASSIST.CASH", "ASSIST.NFI", "ASSIST.SHELTER"));
        r.put(Role.PROTECTION_OFFICER, purposes("PROT.CASE", "PROT.CASE_NOTES", "PROT.FAMILY_TRACING",
                "SOLUTIONS.RESETTLEMENT", "REG.VERIFY"));
        r.put(Role.STATISTICIAN, purposes("STATS.OPS", "STATS.PUBLIC", "STATS.RELEASE"));
        r.put(Role.DATA_PROTECTION_OFFICER, purposes("AUDIT", "SUBJECT_REQUEST", "ADMIN.KEYS", "ADMIN.BIOMETRICS"));
        r.put(Role.ADMIN, Set.of());
        r.put(Role.ADJUDICATOR, purposes("REG.DEDUP"));
        return r;
    }

    private static Map<Action, Set<Role>> actionRoles() {
        Map<Action, Set<Role>> a = new EnumMap<>(Action.class);
        a.put(BIOMETRIC_ENROL, Set.of(Role.REGISTRATION_OFFICER));
        for (Action adjudication : List.of(ADJUDICATION_VIEW, ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW)) {
            a.put(adjudication, Set.of(Role.ADJUDICATOR));
        }
        for (Action protection : List.of(Action.BREAK_GLASS_REQUEST, Action.BREAK_GLASS_APPROVE,
                Action.CASE_NOTE_READ, Action.CASE_NOTE_WRITE)) {
            a.put(protection, Set.of(Role.PROTECTION_OFFICER));
        }
        a.put(Action.BREAK_GLASS_REVIEW, Set.of(Role.DATA_PROTECTION_OFFICER));
        return Collections.unmodifiableMap(a);
    }

    private static Set<PurposeCode> purposes(String... codes) {
        return Arrays.stream(codes).map(PurposeCode::of).collect(Collectors.toUnmodifiableSet());
    }
}
