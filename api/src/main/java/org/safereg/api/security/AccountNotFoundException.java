package org.safereg.api.security;

/** No local account with that name; answered 404. */
public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException() {
        super("no such account");
    }
}
