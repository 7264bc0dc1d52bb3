/**
 * Not API (public for the other packages of the library): reading and checking what the user says. The input
 * vocabulary with its aliases and errors, the JSON reader, server addresses, and what a pasted error message tells.
 */
package org.connectionadvisor.input;
