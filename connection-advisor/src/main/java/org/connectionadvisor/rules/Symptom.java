package org.connectionadvisor.rules;

/**
 * One reported or inferred symptom, with the setting it was seen in. When the user reports none, one
 * {@code Symptom("unspecified")} stands in, so that a table can say "these symptoms, or none given".
 */
public record Symptom(String code, String product, String scope, String client, Setting setting, String label,
        boolean inferred) implements Input {
    public static final String UNSPECIFIED = "unspecified";

    public static Symptom of(String code, Setting setting, String label, boolean inferred) {
        return new Symptom(code, setting.productName(), setting.scopeName(), setting.clientName(), setting, label, inferred);
    }

    @Override
    public String value() {
        return code;
    }

    @Override
    public String key() {
        return "symptoms:" + code;
    }
}
