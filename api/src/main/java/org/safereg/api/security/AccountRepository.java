package org.safereg.api.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.safereg.privacy.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code app_account} table (migration V2). Thread-safe. */
@Repository
class AccountRepository {

    /** A row, including the password hash: never leaves the security package. */
    record StoredAccount(String username, String passwordHash, Set<Role> roles, boolean enabled,
                         boolean passwordChangeRequired, Instant createdAt) {
        Account toAccount() {
            return new Account(username, roles, enabled, passwordChangeRequired, createdAt);
        }
    }

    private static final String COLUMNS =
            "username, password_hash, roles, enabled, password_change_required, created_at";

    private final JdbcClient jdbc;

    AccountRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    Optional<StoredAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_account WHERE username = ?")
                .param(username).query(AccountRepository::map).optional();
    }

    List<StoredAccount> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_account ORDER BY username")
                .query(AccountRepository::map).list();
    }

    boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_account)").query(Boolean.class).single();
    }

    /** Inserts unless the username exists; true if inserted. */
    boolean insertIfAbsent(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO app_account (username, password_hash, roles, enabled, password_change_required, created_at)
                        VALUES (?, ?, CAST(? AS text[]), true, true, ?)
                        ON CONFLICT (username) DO NOTHING""")
                .params(username, passwordHash, arrayLiteral(roles), Timestamp.from(createdAt))
                .update() == 1;
    }

    boolean updatePassword(String username, String passwordHash, Instant changedAt) {
        return jdbc.sql("""
                        UPDATE app_account SET password_hash = ?, password_change_required = false,
                               password_changed_at = ?
                        WHERE username = ?""")
                .params(passwordHash, Timestamp.from(changedAt), username).update() == 1;
    }

    /** Locks and returns the row (call inside a transaction). */
    Optional<StoredAccount> findForUpdate(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_account WHERE username = ? FOR UPDATE")
                .param(username).query(AccountRepository::map).optional();
    }

    /** Locks the enabled administrators' rows and counts them (call inside a transaction). */
    int lockEnabledAdmins() {
        return jdbc.sql("SELECT username FROM app_account WHERE enabled AND 'ADMIN' = ANY (roles) FOR UPDATE")
                .query(String.class).list().size();
    }

    void setDisabled(String username) {
        jdbc.sql("UPDATE app_account SET enabled = false WHERE username = ?").param(username).update();
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) r));
        }
        return new StoredAccount(rs.getString("username"), rs.getString("password_hash"), roles,
                rs.getBoolean("enabled"), rs.getBoolean("password_change_required"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String arrayLiteral(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
