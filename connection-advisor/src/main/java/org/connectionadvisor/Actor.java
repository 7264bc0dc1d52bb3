package org.connectionadvisor;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who can act on a recommendation or answer a question: the person at the computer, or an administrator of the server
 * or organization. A row rule names its actor with {@code @actor("administrator")}; a row without it is anyone's.
 */
public enum Actor {
    /** The person at the computer (a row anyone can act on). */
    USER,
    /** Only an administrator of the server or organization. */
    ADMINISTRATOR;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The actor a rule's {@code @actor} metadata names; none or anything but "administrator" is the user. */
    public static Actor of(Object metadata) {
        return metadata != null && "administrator".equals(metadata.toString()) ? ADMINISTRATOR : USER;
    }
}
