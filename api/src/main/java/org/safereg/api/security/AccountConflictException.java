package org.safereg.api.security;

/** The account operation conflicts with existing accounts (name taken, last administrator); answered 409. */
public class AccountConflictException extends RuntimeException {
    public AccountConflictException(String detail) {
        super(detail);
    }
}
