package org.connectionadvisor;

import java.util.List;

/**
 * What one reload of an advisor's rule directory did. {@code applied}: the new rules serve from now on. Otherwise the
 * previous rules keep serving and {@code problems} says why the new ones were refused, each with file and line.
 */
public record ReloadResult(boolean applied, List<RuleProblem> problems) {
    public ReloadResult {
        problems = List.copyOf(problems);
    }
}
