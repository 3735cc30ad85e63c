package org.safereg.api.db;

import java.util.Objects;

/** A database login: user name and password. {@link #toString()} never shows the password. */
public record DatabaseCredentials(String user, String password) {
    public DatabaseCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[user=" + user + "]";
    }
}
