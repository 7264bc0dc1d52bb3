/**
 * Not API (public for the other packages of the library): the tooling around administrators' rule files. Reading
 * them, checking them against the DRL subset on Drools' parse tree, a Java parse and the compiled bytecode,
 * compiling them (and the packaged rules at build time), precise FILE:LINE problems, deadlines, reload and the
 * directory watcher.
 */
package org.connectionadvisor.admin;
