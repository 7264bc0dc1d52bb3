package org.connectionadvisor.rules;

/**
 * What is known of the product, the scope and the client (null where unknown). Every symptom, context fact and
 * topic carries it, so a rule requires "not on Azure DevOps Services" as a constraint of the fact it already
 * matches ({@code product != "services"}) rather than by joining a fact that every diagnosis inserts: that keeps
 * the engine's cost independent of the rules that do not apply.
 */
public record Setting(Product product, Scope scope, Client client) {
    public static final String UNKNOWN = "unknown";
    public static final Setting NOTHING_KNOWN = new Setting(null, null, null);

    public String productName() {
        return product == null ? UNKNOWN : product.name();
    }

    public String scopeName() {
        return scope == null ? UNKNOWN : scope.name();
    }

    public String clientName() {
        return client == null ? UNKNOWN : client.name();
    }

    /** The known input behind a field a rule tests ({@code product}, {@code scope} or {@code client}), or null. */
    Input input(String field) {
        return switch (field) {
            case "product" -> product;
            case "scope" -> scope;
            case "client" -> client;
            default -> null;
        };
    }
}
