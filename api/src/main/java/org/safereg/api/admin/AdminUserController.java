package org.safereg.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.safereg.api.security.Account;
import org.safereg.api.security.AccountService;
import org.safereg.api.security.OidcCondition;
import org.safereg.privacy.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: local accounts (only when OIDC is not configured). */
@RestController
@RequestMapping("/api/v1/admin/users")
@ConditionalOnWebApplication
@Conditional(OidcCondition.LocalAccounts.class)
@Tag(name = "Administration")
class AdminUserController {
    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewUser(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9._-]{1,62}",
                    message = "must be 2-63 lower-case letters, digits, '.', '_' or '-', starting with a letter")
            String username,
            @NotEmpty Set<@NotNull Role> roles) {
    }

    /** The created account and its one-time password: shown once, never stored in plaintext. */
    record CreatedUser(String username, Set<Role> roles, String oneTimePassword) {
        @Override
        public String toString() {
            return "CreatedUser[" + username + "]";
        }
    }

    @PostMapping
    @Operation(summary = "Create a local user with a one-time password",
            description = "The response carries the one-time password once. The user must change it "
                    + "(POST /api/v1/account/password) before anything else.")
    ResponseEntity<CreatedUser> create(@Valid @RequestBody NewUser request) {
        AccountService.CreatedAccount created = accounts.create(request.username(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.account().username()))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedUser(created.account().username(), created.account().roles(),
                        created.oneTimePassword()));
    }

    @GetMapping
    @Operation(summary = "List local users")
    List<Account> list() {
        return accounts.list();
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a local user", description = "The last enabled administrator cannot be disabled.")
    ResponseEntity<Void> disable(@PathVariable String username) {
        accounts.disable(username);
        return ResponseEntity.noContent().build();
    }
}
