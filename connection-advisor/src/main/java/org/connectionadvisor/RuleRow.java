package org.connectionadvisor;

/**
 * One row the loaded rules can recommend, as an administrator lists them: its id (what {@code confirmed} and
 * {@code ruledOut} accept), its title, and the DRL file its rule is in (as it was loaded; null where unknown).
 */
public record RuleRow(String id, String title, String file) {
}
