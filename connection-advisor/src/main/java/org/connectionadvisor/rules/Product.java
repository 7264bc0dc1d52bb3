package org.connectionadvisor.rules;

/** The product, when known: "services" (Azure DevOps Services, formerly VSTS) or "server" (Azure DevOps Server, formerly TFS). */
public record Product(String name, String label, boolean inferred) implements Input {
    @Override
    public String value() {
        return name;
    }

    @Override
    public String key() {
        return "product";
    }
}
