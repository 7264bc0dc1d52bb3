/**
 * The outcome store: what users said of a recommendation ("this fixed it", "it did not help"), kept per row and rules
 * version in H2 (a file in a data folder) or PostgreSQL (shared by a team's instances), so admins see which advice
 * works and turn unresolved cases into facts samples. Kept out of the library, which stays free of JDBC. See
 * docs/outcomes.md.
 */
package org.connectionadvisor.outcomes;
