package org.connectionadvisor.rules;

/**
 * Who is asking: "user" (not the administrator) or "administrator". The advisor's own fact: no rule matches it; the
 * ranking uses it to put first the step the documents address to that reader (see the knowledge inventory's audience
 * policy).
 */
public record Role(String name, String label, boolean inferred) implements Input {
    public static final String USER = "user";
    public static final String ADMINISTRATOR = "administrator";

    public static Role of(String name) {
        return new Role(name, USER.equals(name) ? "you are not the administrator of the server or organization"
                : "you are the administrator of the server or organization", false);
    }

    @Override
    public String value() {
        return name;
    }

    @Override
    public String key() {
        return "role";
    }
}
