package org.connectionadvisor.rules;

/**
 * A fact the user gave, or one the advisor inferred from what the user gave. Rules match inputs; a recommendation
 * names the inputs behind it, and a diagnosis reports what each input did.
 */
public sealed interface Input permits Product, Scope, Client, Os, Symptom, Context, Release, Confirmed, Role {
    /** Which input this is, one key per given or inferred fact: "product", "symptoms:TF31002", "context:remote-worker". */
    String key();

    /** Its value: "server", "TF31002", "yes" or "no" for a context flag, "2013.2" for a release, a row id. */
    String value();

    /** The input in words: "you reported TF31002: unable to connect", "the error message contains TF31002". */
    String label();

    /** Inferred by the advisor (from a pasted message, a URL, a TF code) rather than given by the user. */
    boolean inferred();
}
