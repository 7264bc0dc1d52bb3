/**
 * The public API: {@link org.connectionadvisor.ConnectionAdvisor} (the facade), {@link org.connectionadvisor.Facts}
 * (what the user knows), {@link org.connectionadvisor.Diagnosis} with its recommendations, questions and the report
 * on what each fact did, the reload options and results, and the exceptions. Immutable values; no Drools type.
 */
package org.connectionadvisor;
