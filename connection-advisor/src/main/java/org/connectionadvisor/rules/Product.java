package org.connectionadvisor.rules;

import java.util.List;

/** Which product the user connects to: "services", "server" or "unknown", with how that is known. */
public record Product(String name, String evidence) implements Explained {
    public static final String UNKNOWN = "unknown";

    @Override
    public List<String> reasons() {
        return List.of(evidence);
    }
}
