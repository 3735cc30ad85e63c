package org.safereg.api.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.safereg.privacy.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local accounts of the embedded default: creation with a one-time password (which the user must change
 * before anything else), listing, disabling, password change, and the bootstrap administrator. Passwords are
 * stored only as Argon2id hashes ({@link PasswordHashing}); one-time passwords are returned once and never
 * stored or logged. Thread-safe. Not present when OIDC is configured.
 */
public class AccountService {
    /** Account names: lower-case letters, digits, dot, underscore, hyphen; 2-63 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,62}");
    /** Name of the account created on first start. */
    public static final String BOOTSTRAP_ADMIN = "admin";
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int ONE_TIME_PASSWORD_LENGTH = 20;

    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountService(AccountRepository repository, PasswordEncoder encoder, TransactionTemplate transactions,
                   Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new account and its one-time password (shown once). */
    public record CreatedAccount(Account account, String oneTimePassword) {
        @Override
        public String toString() {
            return "CreatedAccount[" + account.username() + "]";
        }
    }

    /**
     * Creates an enabled account that must change its password at first use. Throws
     * {@link AccountConflictException} if the name is taken, {@link IllegalArgumentException} for an invalid
     * name or no roles.
     */
    public CreatedAccount create(String username, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid username");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role is required");
        }
        String password = oneTimePassword();
        if (!repository.insertIfAbsent(username, encoder.encode(password), roles, clock.instant())) {
            throw new AccountConflictException("An account with this name already exists.");
        }
        Account account = repository.find(username).orElseThrow().toAccount();
        return new CreatedAccount(account, password);
    }

    public List<Account> list() {
        return repository.list().stream().map(AccountRepository.StoredAccount::toAccount).toList();
    }

    /** Disables an account; refuses to disable the last enabled administrator. */
    public void disable(String username) {
        transactions.executeWithoutResult(tx -> {
            int admins = repository.lockEnabledAdmins();
            AccountRepository.StoredAccount target = repository.findForUpdate(username)
                    .orElseThrow(AccountNotFoundException::new);
            if (target.enabled() && target.roles().contains(Role.ADMIN) && admins <= 1) {
                throw new AccountConflictException("The last enabled administrator cannot be disabled.");
            }
            repository.setDisabled(username);
        });
    }

    /**
     * Sets a new password chosen by the user and clears the password-change requirement. Rules: 12 to 128
     * characters, not the account name, not the current password.
     */
    public void changePassword(String username, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new PasswordPolicyException("must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (newPassword.length() > MAX_PASSWORD_LENGTH) {
            throw new PasswordPolicyException("must be at most " + MAX_PASSWORD_LENGTH + " characters long");
        }
        if (newPassword.equalsIgnoreCase(username)) {
            throw new PasswordPolicyException("must not be the account name");
        }
        AccountRepository.StoredAccount current = repository.find(username).orElseThrow(AccountNotFoundException::new);
        if (encoder.matches(newPassword, current.passwordHash())) {
            throw new PasswordPolicyException("must differ from the current password");
        }
        repository.updatePassword(username, encoder.encode(newPassword), clock.instant());
    }

    /**
     * On a database without any account, creates {@value #BOOTSTRAP_ADMIN} with role ADMIN and returns its
     * one-time password; empty when accounts exist (also when another instance won a concurrent bootstrap).
     */
    public Optional<String> bootstrapAdmin() {
        if (repository.anyExists()) {
            return Optional.empty();
        }
        String password = oneTimePassword();
        boolean created = repository.insertIfAbsent(BOOTSTRAP_ADMIN, encoder.encode(password), Set.of(Role.ADMIN),
                clock.instant());
        return created ? Optional.of(password) : Optional.empty();
    }

    private String oneTimePassword() {
        StringBuilder sb = new StringBuilder(ONE_TIME_PASSWORD_LENGTH);
        for (int i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
