package org.connectionadvisor;

import java.util.List;

/**
 * A question whose answer would change the ranking. {@code id} is the input field, context flag or
 * {@link Facts#SIGNED_IN_WITH} that the answer settles; pass it with an answer's value to {@link Facts#with}. The last
 * answer is always "I don't know" ({@code dont-know}): it is remembered in {@link Facts#dontKnow()} and the question
 * is not asked again. {@code answeredBy} says who can usually answer it: the person at the computer ({@code user}) or
 * an administrator of the server or organization.
 *
 * <p>{@code impact} is the value of asking, measured by what a person sees: for each answer, a change of the first
 * recommendation counts 8, each other top-3 position that would hold another row 2, each row that would leave or join
 * the rest of the list 0.25, and a change of wording alone 0.25 for each top-3 row it touches (none elsewhere). The
 * answers' changes are averaged, weighted by how likely each answer is where the rules can say so (an answer that adds
 * support to a row the user's facts already support counts twice), else equally. See {@code docs/questions.md}.
 */
public record Question(String id, String text, List<Answer> answers, double impact, Actor answeredBy) {
    /** The answer every question offers last. */
    public static final Answer DONT_KNOW = new Answer("dont-know", "I don't know");

    public Question {
        answers = List.copyOf(answers);
    }

    /** The answers that settle the question, without "I don't know" (the last); a view, since planning asks often. */
    public List<Answer> settling() {
        int last = answers.size() - 1;
        return last >= 0 && DONT_KNOW.equals(answers.get(last)) ? answers.subList(0, last) : answers;
    }
}
