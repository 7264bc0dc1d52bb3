/**
 * The public API: {@link org.connectionadvisor.ConnectionAdvisor} (the facade), {@link org.connectionadvisor.Facts}
 * (what the user knows), {@link org.connectionadvisor.Diagnosis} with its recommendations, questions and the report
 * on what each fact did, the reload options and results, and the exceptions; for applications that read or show
 * facts themselves, the input {@link org.connectionadvisor.Vocabulary} and {@link org.connectionadvisor.Limits},
 * {@link org.connectionadvisor.FactsText} (a facts file read within those limits), what a
 * {@link org.connectionadvisor.PastedMessage} tells, {@link org.connectionadvisor.Echo} for echoing input safely, and
 * the {@link org.connectionadvisor.LinkPolicy} of a rules directory. Immutable values; no Drools type. The other
 * packages are the library's own.
 */
package org.connectionadvisor;
