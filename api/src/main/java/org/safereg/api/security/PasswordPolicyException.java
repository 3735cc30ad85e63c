package org.safereg.api.security;

/** A new password breaks the password rules; answered 400 with the rule (never the password). */
public class PasswordPolicyException extends RuntimeException {
    public PasswordPolicyException(String rule) {
        super(rule);
    }
}
