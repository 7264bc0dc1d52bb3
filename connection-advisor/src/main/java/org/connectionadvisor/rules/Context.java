package org.connectionadvisor.rules;

import java.util.List;

/** A fact about the situation that is not itself a cause, such as "remote-worker" or "ssl-configured". */
public record Context(String flag, String evidence) implements Explained {
    @Override
    public List<String> reasons() {
        return List.of(evidence);
    }
}
