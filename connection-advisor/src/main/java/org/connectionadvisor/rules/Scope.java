package org.connectionadvisor.rules;

import java.util.List;

/** How many computers fail: "one-computer", "several-computers" or "unknown". */
public record Scope(String name) implements Explained {
    @Override
    public List<String> reasons() {
        return switch (name) {
            case "one-computer" -> List.of("only one computer fails to connect");
            case "several-computers" -> List.of("several computers or users fail to connect");
            default -> List.of("not known whether one computer or several fail");
        };
    }
}
