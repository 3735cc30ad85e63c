package org.safereg.registration.model;

import java.util.Optional;

/** Contact details; all optional. */
public record Contact(Optional<String> phone, Optional<String> email, Optional<String> address) {
    public Contact {
        phone = Models.orEmpty(phone);
        email = Models.orEmpty(email);
        address = Models.orEmpty(address);
    }

    public static Contact phone(String phone) {
        return new Contact(Optional.of(phone), Optional.empty(), Optional.empty());
    }
}
