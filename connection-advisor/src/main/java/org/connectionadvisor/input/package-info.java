/**
 * Not API (public for the other packages of the library): reading and checking what the user says. The JSON reader
 * and its checks, server addresses, answers and whole words of pasted text; the vocabulary, the limits and what a
 * pasted message tells are API ({@link org.connectionadvisor.Vocabulary}, {@link org.connectionadvisor.Limits},
 * {@link org.connectionadvisor.PastedMessage}).
 */
package org.connectionadvisor.input;
