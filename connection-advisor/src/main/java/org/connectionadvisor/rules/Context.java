package org.connectionadvisor.rules;

/**
 * A yes or no about the situation that is not itself a cause ("remote-worker", "ssl-configured", ...): {@code answer}
 * is "yes" or "no". A flag nobody answered is absent, so a rule tells "said no" ({@code answer == "no"}) from "not
 * known" (no fact).
 */
public record Context(String flag, String answer, String product, String scope, String client, Setting setting,
        String label, boolean inferred) implements Input {
    public static final String YES = "yes";
    public static final String NO = "no";

    public static Context of(String flag, boolean yes, Setting setting, String label, boolean inferred) {
        return new Context(flag, yes ? YES : NO, setting.productName(), setting.scopeName(), setting.clientName(), setting,
                label, inferred);
    }

    @Override
    public String value() {
        return answer;
    }

    @Override
    public String key() {
        return "context:" + flag;
    }
}
