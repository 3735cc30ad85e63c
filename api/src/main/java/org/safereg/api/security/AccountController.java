package org.safereg.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.safereg.privacy.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: who am I, and (local accounts) change my password. */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Account")
class AccountController {
    private final ObjectProvider<AccountService> accounts;

    AccountController(ObjectProvider<AccountService> accounts) {
        this.accounts = accounts;
    }

    record Me(String username, Set<Role> roles, boolean passwordChangeRequired) {
    }

    record PasswordChange(@NotNull String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    @GetMapping
    @Operation(summary = "The authenticated user and their roles")
    Me me(Authentication authentication) {
        boolean mustChange = authentication.getPrincipal() instanceof AccountPrincipal p && p.passwordChangeRequired();
        return new Me(authentication.getName(), CurrentUser.roles(authentication), mustChange);
    }

    @PostMapping("/password")
    @Operation(summary = "Change my password (local accounts)",
            description = "Required after the first sign-in with a one-time password: until then every other "
                    + "request is refused with 403 password-change-required. Rules: 12 to 128 characters, not the "
                    + "account name, not the current password.")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request, Authentication authentication) {
        AccountService service = accounts.getIfAvailable();
        if (service == null) {
            throw new AccountNotFoundException();
        }
        service.changePassword(authentication.getName(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
