/**
 * The facts the DRL rules are written against: the inputs a diagnosis inserts (Symptom, Context, Product, Scope,
 * Client, Os, Release, Confirmed), the conclusions table and finding rules insert (Topic, Finding, Detail) and the
 * result of a row rule (Advice), with the factories consequences call. The vocabulary of rules-drl/README.md; also
 * what Drools-native users of the KIE module insert ({@link org.connectionadvisor.Inputs}) and read.
 */
package org.connectionadvisor.rules;
