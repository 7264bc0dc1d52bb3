package org.connectionadvisor;

/** Where a recommendation comes from: a source document (short key and title) and the section in it. */
public record Source(String document, String title, String section) {
}
