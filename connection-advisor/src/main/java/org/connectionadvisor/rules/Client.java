package org.connectionadvisor.rules;

import java.util.List;

/** What the user connects with: "visual-studio", "browser" or "unknown". */
public record Client(String name) implements Explained {
    @Override
    public List<String> reasons() {
        return switch (name) {
            case "visual-studio" -> List.of("you connect from Visual Studio");
            case "browser" -> List.of("you connect from a web browser");
            default -> List.of("the client (Visual Studio or browser) is not known");
        };
    }
}
