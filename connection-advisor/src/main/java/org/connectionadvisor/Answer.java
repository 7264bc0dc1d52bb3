package org.connectionadvisor;

/** One possible answer to a question: the value to pass to {@link Facts#with(String, String)} and its label. */
public record Answer(String value, String label) {
}
