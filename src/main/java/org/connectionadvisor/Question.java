package org.connectionadvisor;

import java.util.List;

/**
 * A question whose answer would change the ranking. {@code id} is the input field, context flag or
 * {@link Facts#SIGNED_IN_WITH} that the answer settles; pass it with an answer's value to {@link Facts#with}.
 * {@code impact} is the measure questions are ordered by (see {@code QuestionPlanner}).
 */
public record Question(String id, String text, List<Answer> answers, double impact) {
    public Question {
        answers = List.copyOf(answers);
    }
}
