/**
 * Not API. What the library reads of Drools' compiled rules (its internal classes): the one place to change on a
 * Drools upgrade.
 */
package org.connectionadvisor.compiled;
