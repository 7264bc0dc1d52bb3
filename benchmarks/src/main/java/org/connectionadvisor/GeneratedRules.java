package org.connectionadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.connectionadvisor.admin.DrlFile;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Topic;

/**
 * A rule directory grown to a number of rows the way administrators grow it: the packaged files, plus generated
 * tables written in the shapes of rules-drl/. Each generated table has a topic rule (a product test and a collected
 * set of symptom codes), two pointer rules (a context flag, a symptom code) and five row rules, of which two also join
 * the client and one needs a finding and the absence of a context flag; the same mix of findings to rows as the
 * packaged rules. The generated codes and flags appear in no fact set, so the rankings stay the packaged ones and
 * what grows is only the cost of rules that do not apply.
 *
 * <p>{@link Shape#HASHED} writes the same tables with the fact design the issue suggests instead: every generated
 * rule's first test is a hashed constant ({@code Symptom(code == X)}, {@code Topic(name == X)}) and no rule joins the
 * product, scope or client facts that every diagnosis inserts. It measures what that lever would give.
 */
final class GeneratedRules {
    static final int ROWS_PER_TABLE = 5;

    enum Shape { RULES_DRL, HASHED }

    private GeneratedRules() {
    }

    /** Writes the packaged rules and enough generated tables for {@code rows} rows in all into {@code directory}. */
    static Path write(int rows, Shape shape, Path directory) {
        try {
            int packagedRows = 0;
            for (DrlFile file : DrlFile.packaged()) {
                Files.writeString(directory.resolve(Path.of(file.path()).getFileName()), file.text());
                packagedRows += file.text().split("@row\\(", -1).length - 1;
            }
            StringBuilder drl = new StringBuilder("""
                    package org.connectionadvisor.generated;

                    import java.util.List;
                    import org.connectionadvisor.rules.Advice;
                    import org.connectionadvisor.rules.Client;
                    import org.connectionadvisor.rules.Context;
                    import org.connectionadvisor.rules.Finding;
                    import org.connectionadvisor.rules.Pointer;
                    import org.connectionadvisor.rules.Product;
                    import org.connectionadvisor.rules.Scope;
                    import org.connectionadvisor.rules.Symptom;
                    import org.connectionadvisor.rules.Topic;
                    """);
            for (int table = 0; table * ROWS_PER_TABLE < rows - packagedRows; table++) {
                table(drl, table, Math.min(ROWS_PER_TABLE, rows - packagedRows - table * ROWS_PER_TABLE), shape);
            }
            Files.writeString(directory.resolve("generated.drl"), drl);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(StringBuilder drl, int table, int rows, Shape shape) {
        String topic = "generated-" + table;
        drl.append("\nrule \"Topic: generated table ").append(table).append("\"\n    @layer(\"finding\")\n    salience 1000\nwhen\n");
        if (shape == Shape.HASHED) {
            drl.append("    $symptom : Symptom( code == \"").append(topic).append("-a\" )\n");
        } else {
            drl.append("    $product : Product( name != \"").append(table % 2 == 0 ? "server" : "services").append("\" )\n")
                    .append(table % 3 == 0 ? "    $scope : Scope( name != \"one-computer\" )\n" : "")
                    .append("    $symptoms : List( size > 0 ) from collect( Symptom( code in ( \"").append(topic).append("-a\", \"")
                    .append(topic).append("-b\" ) ) )\n");
        }
        drl.append("then\n    insert( Topic.of( kcontext, \"").append(topic).append("\" ) );\nend\n");
        drl.append("\nrule \"Pointer: generated flag ").append(table).append("\"\n    @layer(\"finding\")\n    salience 1000\nwhen\n")
                .append("    $flag : Context( flag == \"").append(topic).append("-flag\" )\nthen\n")
                .append("    insert( Pointer.to( kcontext, \"").append(topic).append("-row-0\" ) );\nend\n");
        drl.append("\nrule \"Pointer: generated symptom ").append(table).append("\"\n    @layer(\"finding\")\n    salience 1000\nwhen\n")
                .append("    $symptom : Symptom( code == \"").append(topic).append("-b\" )\nthen\n")
                .append("    insert( Pointer.to( kcontext, \"").append(topic).append("-row-1\" ) );\nend\n");
        for (int row = 0; row < rows; row++) {
            String id = topic + "-row-" + row;
            drl.append("\nrule \"").append(id).append("\"\n    @row(\"").append(id).append("\")\n    @title(\"Generated row ")
                    .append(id).append("\")\n    @source(\"CONNECT\")\n    @section(\"Generated\")\n    salience ")
                    .append(300 + (table * ROWS_PER_TABLE + row) % 500).append("\nwhen\n    $topic : Topic( name == \"")
                    .append(topic).append("\" )\n");
            if (shape == Shape.RULES_DRL && (row == 1 || row == 2)) {
                drl.append("    $client : Client( name != \"browser\" )\n");
            } else if (shape == Shape.RULES_DRL && row == 3) {
                drl.append("    $identities : Finding( name == \"two-identities\" )\n    not Context( flag == \"").append(topic)
                        .append("-flag\" )\n");
            }
            drl.append("then\n    insert( Advice.of( kcontext, \"Generated resolution of ").append(id)
                    .append(": see [the generated guide](https://example.org/").append(id).append(").\" ) );\nend\n");
        }
    }
}
