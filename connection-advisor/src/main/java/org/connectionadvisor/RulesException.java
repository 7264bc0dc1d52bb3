package org.connectionadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** The rules could not be loaded; every problem found is listed with its file and line. */
public final class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
