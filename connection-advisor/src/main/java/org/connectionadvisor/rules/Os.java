package org.connectionadvisor.rules;

import java.util.List;

/** The client computer's Windows version ("windows-10", ...) or "unknown"; it picks the client cache folder. */
public record Os(String name) implements Explained {
    @Override
    public List<String> reasons() {
        return List.of("unknown".equals(name) ? "the client's Windows version is not known" : "the client runs " + name);
    }
}
