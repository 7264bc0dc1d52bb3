/**
 * The command line ({@code java -jar connection-advisor.jar} or the launcher): diagnose, ask, validate, test and
 * serve, as picocli commands over the library's API, and the text report for a person at a terminal.
 */
package org.connectionadvisor.cli;
