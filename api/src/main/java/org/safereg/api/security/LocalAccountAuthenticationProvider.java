package org.safereg.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic over local accounts. The account row is read on every request (so disabling or a password change
 * takes effect at once); the Argon2 verification is skipped when {@link VerifiedCredentialCache} remembers
 * the same credentials against the same stored hash. Unknown names cost one Argon2 run too, so response times
 * do not reveal which accounts exist. A database failure becomes an
 * {@link InternalAuthenticationServiceException} (answered 503). Thread-safe.
 */
class LocalAccountAuthenticationProvider implements AuthenticationProvider {
    private final AccountRepository repository;
    private final PasswordEncoder encoder;
    private final VerifiedCredentialCache cache;
    private final String unknownUserHash;

    LocalAccountAuthenticationProvider(AccountRepository repository, PasswordEncoder encoder,
                                       VerifiedCredentialCache cache) {
        this.repository = repository;
        this.encoder = encoder;
        this.cache = cache;
        this.unknownUserHash = encoder.encode("unknown-user-timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<AccountRepository.StoredAccount> found;
        try {
            found = AccountService.USERNAME.matcher(username).matches() ? repository.find(username) : Optional.empty();
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("account store unavailable", e);
        }
        if (found.isEmpty()) {
            encoder.matches(password, unknownUserHash);
            throw new BadCredentialsException("bad credentials");
        }
        AccountRepository.StoredAccount account = found.get();
        boolean ok = cache.verified(username, password, account.passwordHash());
        if (!ok && encoder.matches(password, account.passwordHash())) {
            cache.remember(username, password, account.passwordHash());
            ok = true;
        }
        if (!ok) {
            throw new BadCredentialsException("bad credentials");
        }
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        AccountPrincipal principal = new AccountPrincipal(username, account.roles(), account.passwordChangeRequired());
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
