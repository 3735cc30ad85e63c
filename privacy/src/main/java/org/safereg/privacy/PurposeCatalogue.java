package org.safereg.privacy;

import static org.safereg.privacy.Action.AGREEMENT_MANAGE;
import static org.safereg.privacy.Action.ADJUDICATION_DECIDE;
import static org.safereg.privacy.Action.ADJUDICATION_VIEW;
import static org.safereg.privacy.Action.AUDIT_VERIFY;
import static org.safereg.privacy.Action.BIOMETRIC_ENROL;
import static org.safereg.privacy.Action.BIOMETRIC_IDENTIFY;
import static org.safereg.privacy.Action.BIOMETRIC_IMAGE_VIEW;
import static org.safereg.privacy.Action.BIOMETRIC_REEXTRACT;
import static org.safereg.privacy.Action.BIOMETRIC_VERIFY;
import static org.safereg.privacy.Action.BREAK_GLASS_APPROVE;
import static org.safereg.privacy.Action.BREAK_GLASS_REQUEST;
import static org.safereg.privacy.Action.BREAK_GLASS_REVIEW;
import static org.safereg.privacy.Action.CASE_NOTE_READ;
import static org.safereg.privacy.Action.CASE_NOTE_WRITE;
import static org.safereg.privacy.Action.CONSENT_READ;
import static org.safereg.privacy.Action.CONSENT_RECORD;
import static org.safereg.privacy.Action.CONSENT_WITHDRAW;
import static org.safereg.privacy.Action.ENROL;
import static org.safereg.privacy.Action.ERASE;
import static org.safereg.privacy.Action.HOUSEHOLD_CHANGE;
import static org.safereg.privacy.Action.KEY_MANAGEMENT;
import static org.safereg.privacy.Action.LIST;
import static org.safereg.privacy.Action.READ;
import static org.safereg.privacy.Action.READ_HISTORY;
import static org.safereg.privacy.Action.RECONSENT_REVIEW;
import static org.safereg.privacy.Action.RETENTION_REVIEW;
import static org.safereg.privacy.Action.SEARCH;
import static org.safereg.privacy.Action.STATS_BUDGET_MANAGE;
import static org.safereg.privacy.Action.STATS_BUDGET_READ;
import static org.safereg.privacy.Action.STATS_EXTRACT;
import static org.safereg.privacy.Action.STATS_REGISTER;
import static org.safereg.privacy.Action.STATS_RELEASE;
import static org.safereg.privacy.Action.STATS_RELEASE_READ;
import static org.safereg.privacy.Action.SUBJECT_EXPORT;
import static org.safereg.privacy.Action.TRANSFER;
import static org.safereg.privacy.Action.UPDATE;
import static org.safereg.privacy.LegalBasis.CONSENT;
import static org.safereg.privacy.LegalBasis.EXPLICIT_CONSENT;
import static org.safereg.privacy.LegalBasis.LEGAL_OBLIGATION;
import static org.safereg.privacy.LegalBasis.LEGITIMATE_INTEREST;
import static org.safereg.privacy.LegalBasis.PUBLIC_INTEREST_MANDATE;
import static org.safereg.privacy.LegalBasis.VITAL_INTEREST;
import static org.safereg.privacy.PersonalField.BIOMETRICS;
import static org.safereg.privacy.PersonalField.BIRTH;
import static org.safereg.privacy.PersonalField.CASE_NOTES;
import static org.safereg.privacy.PersonalField.CHANGE_HISTORY;
import static org.safereg.privacy.PersonalField.CONTACT;
import static org.safereg.privacy.PersonalField.DOCUMENTS;
import static org.safereg.privacy.PersonalField.HOUSEHOLD;
import static org.safereg.privacy.PersonalField.LOCATION;
import static org.safereg.privacy.PersonalField.NAMES;
import static org.safereg.privacy.PersonalField.POPULATION_CATEGORY;
import static org.safereg.privacy.PersonalField.SEX;

import java.time.Period;
import java.util.Collection;
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
import java.util.stream.Stream;
import org.safereg.keys.DataCategory;

/**
 * The known purposes of processing ({@link PurposeDefinition}: roles, actions, visible fields, accepted legal
 * bases, whether a subject basis is required, whether break-glass may stand in, retention) and the action -> roles
 * restrictions. The {@link PurposePolicy} decides on it. Prohibited purposes (LAW_ENFORCEMENT,
 * IMMIGRATION_ENFORCEMENT, MILITARY, COMMERCIAL) can never be defined: a definition or role entry naming one is
 * rejected at construction.
 *
 * <p><b>Default catalogue</b> ({@link #defaults()}); "demographic" is every {@link PersonalField} of
 * {@link DataCategory#DEMOGRAPHIC} except HOUSEHOLD and CHANGE_HISTORY (registration method, names, sex, birth,
 * nationalities, documents, population category, location, specific needs, contact):
 * <table>
 * <caption>Default purposes</caption>
 * <tr><th>Purpose</th><th>Roles</th><th>Actions</th><th>Fields</th><th>Bases</th><th>Subject basis / break-glass /
 *     retention</th></tr>
 * <tr><td>REG.ENROL</td><td>REGISTRATION_OFFICER</td><td>ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST,
 *     BIOMETRIC_ENROL, ADJUDICATION_VIEW, ADJUDICATION_DECIDE, CONSENT_READ, CONSENT_RECORD, CONSENT_WITHDRAW</td>
 *     <td>demographic, HOUSEHOLD, CHANGE_HISTORY</td><td>CONSENT, PUBLIC_INTEREST_MANDATE, LEGAL_OBLIGATION</td>
 *     <td>yes / no / P10Y</td></tr>
 * <tr><td>REG.DEDUP</td><td>REGISTRATION_OFFICER, ADJUDICATOR</td><td>SEARCH, READ, BIOMETRIC_ENROL,
 *     ADJUDICATION_VIEW, ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW, BIOMETRIC_IDENTIFY</td><td>NAMES, SEX, BIRTH,
 *     DOCUMENTS, LOCATION, BIOMETRICS</td><td>EXPLICIT_CONSENT, PUBLIC_INTEREST_MANDATE</td><td>yes / no / P10Y</td></tr>
 * <tr><td>REG.VERIFY</td><td>REGISTRATION_OFFICER, PROTECTION_OFFICER</td><td>READ, SEARCH, BIOMETRIC_VERIFY</td>
 *     <td>NAMES, SEX, BIRTH, DOCUMENTS, POPULATION_CATEGORY, LOCATION</td><td>CONSENT, EXPLICIT_CONSENT,
 *     PUBLIC_INTEREST_MANDATE</td><td>yes / no / P10Y</td></tr>
 * <tr><td>ASSIST.CASH</td><td>REGISTRATION_OFFICER</td><td>READ, SEARCH, LIST, TRANSFER</td><td>NAMES, SEX, BIRTH, HOUSEHOLD,
 *     CONTACT, LOCATION</td><td>CONSENT, PUBLIC_INTEREST_MANDATE, VITAL_INTEREST</td><td>yes / no / P2Y</td></tr>
 * <tr><td>ASSIST.NFI, ASSIST.SHELTER</td><td>REGISTRATION_OFFICER</td><td>READ, SEARCH, LIST, TRANSFER</td><td>NAMES, SEX,
 *     BIRTH, HOUSEHOLD, LOCATION</td><td>CONSENT, PUBLIC_INTEREST_MANDATE, VITAL_INTEREST</td><td>yes / no / P2Y</td></tr>
 * <tr><td>PROT.CASE</td><td>PROTECTION_OFFICER</td><td>READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE,
 *     BIOMETRIC_IDENTIFY, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE</td><td>demographic, HOUSEHOLD,
 *     CHANGE_HISTORY</td><td>CONSENT</td><td>yes / yes / P10Y</td></tr>
 * <tr><td>PROT.CASE_NOTES</td><td>PROTECTION_OFFICER</td><td>CASE_NOTE_READ, CASE_NOTE_WRITE, BREAK_GLASS_REQUEST,
 *     BREAK_GLASS_APPROVE</td><td>CASE_NOTES, NAMES</td><td>CONSENT, EXPLICIT_CONSENT</td><td>yes / yes / P10Y</td></tr>
 * <tr><td>PROT.FAMILY_TRACING</td><td>PROTECTION_OFFICER</td><td>READ, SEARCH, LIST, UPDATE, READ_HISTORY,
 *     HOUSEHOLD_CHANGE, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE, TRANSFER</td><td>NAMES, SEX, BIRTH, HOUSEHOLD, LOCATION,
 *     CONTACT, CHANGE_HISTORY</td><td>CONSENT, VITAL_INTEREST</td>
 *     <td>yes / yes / P10Y</td></tr>
 * <tr><td>SOLUTIONS.RESETTLEMENT</td><td>PROTECTION_OFFICER</td><td>READ, SEARCH, LIST, UPDATE, READ_HISTORY,
 *     HOUSEHOLD_CHANGE, TRANSFER</td><td>demographic, HOUSEHOLD, CHANGE_HISTORY</td><td>CONSENT</td><td>yes / no / P10Y</td></tr>
 * <tr><td>FRAUD</td><td>none by default</td><td>READ, SEARCH, READ_HISTORY</td><td>demographic, HOUSEHOLD,
 *     CHANGE_HISTORY</td><td>LEGITIMATE_INTEREST, PUBLIC_INTEREST_MANDATE</td><td>yes / no / P5Y</td></tr>
 * <tr><td>STATS.OPS</td><td>STATISTICIAN</td><td>STATS_RELEASE, STATS_RELEASE_READ, STATS_EXTRACT,
 *     STATS_BUDGET_READ (statistical outputs only)</td><td>none</td>
 *     <td>CONSENT, PUBLIC_INTEREST_MANDATE, LEGITIMATE_INTEREST</td><td>no / no / P10Y</td></tr>
 * <tr><td>STATS.PUBLIC</td><td>STATISTICIAN</td><td>STATS_RELEASE, STATS_RELEASE_READ, STATS_BUDGET_READ</td>
 *     <td>none</td><td>CONSENT, PUBLIC_INTEREST_MANDATE, LEGITIMATE_INTEREST</td><td>no / no / P10Y</td></tr>
 * <tr><td>STATS.RELEASE</td><td>STATISTICIAN</td><td>none</td><td>none</td>
 *     <td>CONSENT, PUBLIC_INTEREST_MANDATE, LEGITIMATE_INTEREST</td><td>no / no / P10Y</td></tr>
 * <tr><td>AUDIT</td><td>DATA_PROTECTION_OFFICER</td><td>AUDIT_VERIFY, READ_HISTORY, BREAK_GLASS_REVIEW</td><td>all</td><td>-</td>
 *     <td>no / no / -</td></tr>
 * <tr><td>SUBJECT_REQUEST</td><td>DATA_PROTECTION_OFFICER</td><td>READ, READ_HISTORY, UPDATE (rectification),
 *     ERASE, SUBJECT_EXPORT, CONSENT_READ, CONSENT_RECORD, CONSENT_WITHDRAW, RECONSENT_REVIEW</td><td>all</td><td>-</td><td>no / no / -</td></tr>
 * <tr><td>ADMIN.KEYS</td><td>DATA_PROTECTION_OFFICER</td><td>KEY_MANAGEMENT</td><td>none</td><td>-</td>
 *     <td>no / no / -</td></tr>
 * <tr><td>ADMIN.BIOMETRICS</td><td>DATA_PROTECTION_OFFICER</td><td>BIOMETRIC_REEXTRACT</td><td>none</td><td>-</td>
 *     <td>no / no / -</td></tr>
 * <tr><td>ADMIN.RETENTION</td><td>DATA_PROTECTION_OFFICER (and the retention job)</td><td>RETENTION_REVIEW, ERASE</td>
 *     <td>none</td><td>-</td><td>no / no / -</td></tr>
 * <tr><td>ADMIN.AGREEMENTS</td><td>DATA_PROTECTION_OFFICER</td><td>AGREEMENT_MANAGE</td><td>none</td><td>-</td>
 *     <td>no / no / -</td></tr>
 * <tr><td>ADMIN.STATISTICS</td><td>DATA_PROTECTION_OFFICER</td><td>STATS_BUDGET_MANAGE, STATS_BUDGET_READ,
 *     STATS_REGISTER, STATS_RELEASE_READ</td><td>none</td><td>-</td><td>no / no / -</td></tr>
 * </table>
 *
 * <p><b>Role-restricted actions</b> ({@link #defaultActionRoles()}): whatever the purpose, BIOMETRIC_ENROL only by
 * REGISTRATION_OFFICER; ADJUDICATION_VIEW, ADJUDICATION_DECIDE and BIOMETRIC_IMAGE_VIEW only by ADJUDICATOR;
 * BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE, CASE_NOTE_READ and CASE_NOTE_WRITE only by PROTECTION_OFFICER;
 * BREAK_GLASS_REVIEW and RECONSENT_REVIEW only by DATA_PROTECTION_OFFICER.
 * TRANSFER (disclosure to a recipient under a data-sharing agreement) only by REGISTRATION_OFFICER (assistance
 * purposes, e.g. to a cash-transfer partner) and PROTECTION_OFFICER (family tracing, resettlement);
 * AGREEMENT_MANAGE only by DATA_PROTECTION_OFFICER. STATS_RELEASE and STATS_EXTRACT only by STATISTICIAN;
 * STATS_BUDGET_MANAGE and STATS_REGISTER only by DATA_PROTECTION_OFFICER; STATS_RELEASE_READ and STATS_BUDGET_READ
 * only by STATISTICIAN and DATA_PROTECTION_OFFICER.
 *
 * <p>Immutable and thread-safe; look-ups are map reads.
 */
public final class PurposeCatalogue {

    /** Purposes no configuration can allow. */
    public static final Set<PurposeCode> PROHIBITED = Set.of(
            PurposeCode.of("LAW_ENFORCEMENT"), PurposeCode.of("IMMIGRATION_ENFORCEMENT"),
            PurposeCode.of("MILITARY"), PurposeCode.of("COMMERCIAL"));

    private static final PurposeCatalogue DEFAULTS = new PurposeCatalogue(defaultDefinitions(), actionRoles());

    private final Map<PurposeCode, PurposeDefinition> definitions;
    private final Map<Action, Set<Role>> rolesByAction;

    /**
     * A catalogue of {@code definitions} (one per code) with {@code rolesByAction} listing, for each role-restricted
     * action, the only roles that may perform it (actions absent from it are not restricted; an empty set means
     * nobody). Throws {@link IllegalArgumentException} for two definitions of one code.
     */
    public PurposeCatalogue(Collection<PurposeDefinition> definitions, Map<Action, Set<Role>> rolesByAction) {
        Map<PurposeCode, PurposeDefinition> byCode = new LinkedHashMap<>();
        for (PurposeDefinition d : definitions) {
            if (byCode.put(d.code(), d) != null) {
                throw new IllegalArgumentException("purpose " + d.code() + " is defined twice");
            }
        }
        Map<Action, Set<Role>> restrictions = new EnumMap<>(Action.class);
        rolesByAction.forEach((action, only) -> restrictions.put(Objects.requireNonNull(action, "action"),
                Set.copyOf(only)));
        this.definitions = Collections.unmodifiableMap(byCode);
        this.rolesByAction = Collections.unmodifiableMap(restrictions);
    }

    /** The default catalogue documented on this class. */
    public static PurposeCatalogue defaults() {
        return DEFAULTS;
    }

    /** The default action -> roles restrictions (actions only the listed roles may perform). */
    public static Map<Action, Set<Role>> defaultActionRoles() {
        return DEFAULTS.rolesByAction;
    }

    /**
     * The default catalogue reconfigured from strings (e.g. application properties). {@code roleToPurposes} is the
     * complete role table: keys are role names, case-insensitive, {@code -} read as {@code _}
     * ({@code registration-officer}); values are purpose codes; roles not listed may use no purpose.
     * {@code purposeToActions} adds purposes to, or replaces the covered actions of, the defaults (action names as
     * in {@link Action}, case-insensitive); an added purpose sees no field and needs no subject basis until
     * {@link #with} gives it a definition. Throws {@link IllegalArgumentException} for an unknown role or action,
     * a malformed, unknown or prohibited purpose.
     */
    public static PurposeCatalogue fromConfiguration(Map<String, List<String>> roleToPurposes,
                                                     Map<String, List<String>> purposeToActions) {
        PurposeCatalogue catalogue = DEFAULTS;
        for (Map.Entry<String, List<String>> e : purposeToActions.entrySet()) {
            PurposeCode code = PurposeCode.of(e.getKey().strip());
            requireNotProhibited(code);
            Set<Action> actions = EnumSet.noneOf(Action.class);
            e.getValue().forEach(action -> actions.add(Action.valueOf(configName(action))));
            PurposeDefinition definition = catalogue.definition(code)
                    .map(d -> d.withActions(actions))
                    .orElseGet(() -> new PurposeDefinition(code, Set.of(), actions, Set.of(), Set.of(), false, false,
                            Optional.empty()));
            catalogue = catalogue.with(definition);
        }
        Map<Role, Set<PurposeCode>> roles = new EnumMap<>(Role.class);
        roleToPurposes.forEach((role, purposes) -> roles.put(parseRole(role),
                purposes.stream().map(p -> PurposeCode.of(p.strip())).collect(Collectors.toSet())));
        return catalogue.withRoles(roles);
    }

    /** This catalogue with {@code definition} added, or replacing the definition of its code. */
    public PurposeCatalogue with(PurposeDefinition definition) {
        Map<PurposeCode, PurposeDefinition> next = new LinkedHashMap<>(definitions);
        next.put(definition.code(), definition);
        return new PurposeCatalogue(next.values(), rolesByAction);
    }

    /**
     * This catalogue with the complete role table {@code allowedByRole} (roles absent may use no purpose). Throws
     * {@link IllegalArgumentException} if a role is allowed a prohibited or unknown purpose.
     */
    public PurposeCatalogue withRoles(Map<Role, Set<PurposeCode>> allowedByRole) {
        Map<PurposeCode, Set<Role>> rolesOf = new LinkedHashMap<>();
        definitions.keySet().forEach(code -> rolesOf.put(code, EnumSet.noneOf(Role.class)));
        allowedByRole.forEach((role, purposes) -> {
            Objects.requireNonNull(role, "role");
            for (PurposeCode purpose : purposes) {
                requireNotProhibited(purpose);
                Set<Role> holders = rolesOf.get(purpose);
                if (holders == null) {
                    throw new IllegalArgumentException("purpose " + purpose + " allowed for role " + role
                            + " is not a known purpose");
                }
                holders.add(role);
            }
        });
        return new PurposeCatalogue(definitions.values().stream().map(d -> d.withRoles(rolesOf.get(d.code())))
                .toList(), rolesByAction);
    }

    /** This catalogue with other action -> roles restrictions. */
    public PurposeCatalogue withActionRoles(Map<Action, Set<Role>> restrictions) {
        return new PurposeCatalogue(definitions.values(), restrictions);
    }

    /** The definition of {@code purpose}, empty if it is not a known purpose. */
    public Optional<PurposeDefinition> definition(PurposeCode purpose) {
        return Optional.ofNullable(definitions.get(purpose));
    }

    /** All definitions, in catalogue order. */
    public Collection<PurposeDefinition> definitions() {
        return definitions.values();
    }

    /** The known purposes. */
    public Set<PurposeCode> knownPurposes() {
        return definitions.keySet();
    }

    /** Purposes {@code role} may use (empty if none). */
    public Set<PurposeCode> allowedFor(Role role) {
        return definitions.values().stream().filter(d -> d.roles().contains(role)).map(PurposeDefinition::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Actions {@code purpose} covers (empty if none or unknown). */
    public Set<Action> actionsCoveredBy(PurposeCode purpose) {
        return definition(purpose).map(PurposeDefinition::actions).orElse(Set.of());
    }

    /** Whether {@code role} may perform {@code action} at all (true unless the action is restricted to other roles). */
    public boolean mayPerform(Role role, Action action) {
        Set<Role> only = rolesByAction.get(action);
        return only == null || only.contains(role);
    }

    static void requireNotProhibited(PurposeCode purpose) {
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

    private static List<PurposeDefinition> defaultDefinitions() {
        Set<PersonalField> demographic = EnumSet.noneOf(PersonalField.class);
        for (PersonalField f : PersonalField.values()) {
            if (f.category() == DataCategory.DEMOGRAPHIC && f != HOUSEHOLD && f != CHANGE_HISTORY) {
                demographic.add(f);
            }
        }
        Set<PersonalField> withHousehold = union(demographic, HOUSEHOLD);
        Optional<Period> tenYears = Optional.of(Period.ofYears(10));
        Optional<Period> twoYears = Optional.of(Period.ofYears(2));
        Set<Role> ro = Set.of(Role.REGISTRATION_OFFICER);
        Set<Role> po = Set.of(Role.PROTECTION_OFFICER);
        Set<Role> dpo = Set.of(Role.DATA_PROTECTION_OFFICER);
        List<PurposeDefinition> d = new java.util.ArrayList<>();
        d.add(new PurposeDefinition(code("REG.ENROL"), ro,
                Set.of(ENROL, HOUSEHOLD_CHANGE, READ, UPDATE, SEARCH, LIST, BIOMETRIC_ENROL, ADJUDICATION_VIEW,
                        ADJUDICATION_DECIDE, CONSENT_READ, CONSENT_RECORD, CONSENT_WITHDRAW),
                union(withHousehold, CHANGE_HISTORY), Set.of(CONSENT, PUBLIC_INTEREST_MANDATE, LEGAL_OBLIGATION),
                true, false, tenYears));
        d.add(new PurposeDefinition(code("REG.DEDUP"), Set.of(Role.REGISTRATION_OFFICER, Role.ADJUDICATOR),
                Set.of(SEARCH, READ, BIOMETRIC_ENROL, ADJUDICATION_VIEW, ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW,
                        BIOMETRIC_IDENTIFY),
                Set.of(NAMES, SEX, BIRTH, DOCUMENTS, LOCATION, BIOMETRICS),
                Set.of(EXPLICIT_CONSENT, PUBLIC_INTEREST_MANDATE), true, false, tenYears));
        d.add(new PurposeDefinition(code("REG.VERIFY"), Set.of(Role.REGISTRATION_OFFICER, Role.PROTECTION_OFFICER),
                Set.of(READ, SEARCH, BIOMETRIC_VERIFY),
                Set.of(NAMES, SEX, BIRTH, DOCUMENTS, POPULATION_CATEGORY, LOCATION),
                Set.of(CONSENT, EXPLICIT_CONSENT, PUBLIC_INTEREST_MANDATE), true, false, tenYears));
        Set<LegalBasis> assistance = Set.of(CONSENT, PUBLIC_INTEREST_MANDATE, VITAL_INTEREST);
        d.add(new PurposeDefinition(code("ASSIST.CASH"), ro, Set.of(READ, SEARCH, LIST, TRANSFER),
                Set.of(NAMES, SEX, BIRTH, HOUSEHOLD, CONTACT, LOCATION), assistance, true, false, twoYears));
        for (String inKind : List.of("ASSIST.NFI", "ASSIST.SHELTER")) {
            d.add(new PurposeDefinition(code(inKind), ro, Set.of(READ, SEARCH, LIST, TRANSFER),
                    Set.of(NAMES, SEX, BIRTH, HOUSEHOLD, LOCATION), assistance, true, false, twoYears));
        }
        Set<Action> caseWork = Set.of(READ, SEARCH, LIST, UPDATE, READ_HISTORY, HOUSEHOLD_CHANGE);
        // case work updates records and reads their history: it sees who changed them and why (CHANGE_HISTORY)
        Set<PersonalField> caseRecord = union(withHousehold, CHANGE_HISTORY);
        d.add(new PurposeDefinition(code("PROT.CASE"), po,
                union(caseWork, BIOMETRIC_IDENTIFY, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE), caseRecord,
                Set.of(CONSENT), true, true, tenYears));
        d.add(new PurposeDefinition(code("PROT.CASE_NOTES"), po,
                Set.of(CASE_NOTE_READ, CASE_NOTE_WRITE, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE),
                Set.of(CASE_NOTES, NAMES), Set.of(CONSENT, EXPLICIT_CONSENT), true, true, tenYears));
        d.add(new PurposeDefinition(code("PROT.FAMILY_TRACING"), po,
                union(caseWork, BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE, TRANSFER),
                Set.of(NAMES, SEX, BIRTH, HOUSEHOLD, LOCATION, CONTACT, CHANGE_HISTORY),
                Set.of(CONSENT, VITAL_INTEREST), true, true, tenYears));
        d.add(new PurposeDefinition(code("SOLUTIONS.RESETTLEMENT"), po, union(caseWork, TRANSFER), caseRecord,
                Set.of(CONSENT),
                true, false, tenYears));
        d.add(new PurposeDefinition(code("FRAUD"), Set.of(), Set.of(READ, SEARCH, READ_HISTORY),
                union(withHousehold, CHANGE_HISTORY), Set.of(LEGITIMATE_INTEREST, PUBLIC_INTEREST_MANDATE), true,
                false, Optional.of(Period.ofYears(5))));
        Set<LegalBasis> statisticalBases = Set.of(CONSENT, PUBLIC_INTEREST_MANDATE, LEGITIMATE_INTEREST);
        Set<Role> statistician = Set.of(Role.STATISTICIAN);
        d.add(new PurposeDefinition(code("STATS.OPS"), statistician,
                Set.of(STATS_RELEASE, STATS_RELEASE_READ, STATS_EXTRACT, STATS_BUDGET_READ), Set.of(),
                statisticalBases, false, false, tenYears));
        d.add(new PurposeDefinition(code("STATS.PUBLIC"), statistician,
                Set.of(STATS_RELEASE, STATS_RELEASE_READ, STATS_BUDGET_READ), Set.of(), statisticalBases, false,
                false, tenYears));
        d.add(new PurposeDefinition(code("STATS.RELEASE"), statistician, Set.of(), Set.of(), statisticalBases, false,
                false, tenYears));
        Set<PersonalField> all = EnumSet.allOf(PersonalField.class);
        d.add(new PurposeDefinition(code("AUDIT"), dpo, Set.of(AUDIT_VERIFY, READ_HISTORY, BREAK_GLASS_REVIEW), all,
                Set.of(), false, false, Optional.empty()));
        d.add(new PurposeDefinition(code("SUBJECT_REQUEST"), dpo,
                Set.of(READ, READ_HISTORY, UPDATE, ERASE, SUBJECT_EXPORT, CONSENT_READ, CONSENT_RECORD,
                        CONSENT_WITHDRAW, RECONSENT_REVIEW), all, Set.of(), false, false, Optional.empty()));
        d.add(new PurposeDefinition(code("ADMIN.RETENTION"), dpo, Set.of(RETENTION_REVIEW, ERASE), Set.of(), Set.of(),
                false, false, Optional.empty()));
        d.add(new PurposeDefinition(code("ADMIN.KEYS"), dpo, Set.of(KEY_MANAGEMENT), Set.of(), Set.of(), false, false,
                Optional.empty()));
        d.add(new PurposeDefinition(code("ADMIN.BIOMETRICS"), dpo, Set.of(BIOMETRIC_REEXTRACT), Set.of(), Set.of(),
                false, false, Optional.empty()));
        d.add(new PurposeDefinition(code("ADMIN.AGREEMENTS"), dpo, Set.of(AGREEMENT_MANAGE), Set.of(), Set.of(),
                false, false, Optional.empty()));
        d.add(new PurposeDefinition(code("ADMIN.STATISTICS"), dpo,
                Set.of(STATS_BUDGET_MANAGE, STATS_BUDGET_READ, STATS_REGISTER, STATS_RELEASE_READ), Set.of(), Set.of(),
                false, false, Optional.empty()));
        return d;
    }

    private static Map<Action, Set<Role>> actionRoles() {
        Map<Action, Set<Role>> a = new EnumMap<>(Action.class);
        a.put(BIOMETRIC_ENROL, Set.of(Role.REGISTRATION_OFFICER));
        for (Action adjudication : List.of(ADJUDICATION_VIEW, ADJUDICATION_DECIDE, BIOMETRIC_IMAGE_VIEW)) {
            a.put(adjudication, Set.of(Role.ADJUDICATOR));
        }
        for (Action protection : List.of(BREAK_GLASS_REQUEST, BREAK_GLASS_APPROVE, CASE_NOTE_READ, CASE_NOTE_WRITE)) {
            a.put(protection, Set.of(Role.PROTECTION_OFFICER));
        }
        a.put(BREAK_GLASS_REVIEW, Set.of(Role.DATA_PROTECTION_OFFICER));
        a.put(RECONSENT_REVIEW, Set.of(Role.DATA_PROTECTION_OFFICER));
        a.put(TRANSFER, Set.of(Role.REGISTRATION_OFFICER, Role.PROTECTION_OFFICER));
        a.put(AGREEMENT_MANAGE, Set.of(Role.DATA_PROTECTION_OFFICER));
        a.put(STATS_RELEASE, Set.of(Role.STATISTICIAN));
        a.put(STATS_EXTRACT, Set.of(Role.STATISTICIAN));
        a.put(STATS_BUDGET_MANAGE, Set.of(Role.DATA_PROTECTION_OFFICER));
        a.put(STATS_REGISTER, Set.of(Role.DATA_PROTECTION_OFFICER));
        a.put(STATS_RELEASE_READ, Set.of(Role.STATISTICIAN, Role.DATA_PROTECTION_OFFICER));
        a.put(STATS_BUDGET_READ, Set.of(Role.STATISTICIAN, Role.DATA_PROTECTION_OFFICER));
        return a;
    }

    private static PurposeCode code(String value) {
        return PurposeCode.of(value);
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<E> union(Set<E> base, E... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
