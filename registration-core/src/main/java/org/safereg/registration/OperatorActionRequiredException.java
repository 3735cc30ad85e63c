package org.safereg.registration;

/**
 * The key provider does not let the application rotate or retire KEK versions: with Vault Transit these are
 * operator actions in Vault (rotate the key, raise its {@code min_decryption_version}), while the application
 * re-wraps and reports the versions in use. Nothing was changed. API: 409 {@code operator-action-required}.
 */
public final class OperatorActionRequiredException extends RegistrationException {
    public OperatorActionRequiredException(String message) {
        super(message);
    }
}
