package org.connectionadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.connectionadvisor.admin.DrlFile;

/**
 * A rule directory grown to a number of rows the way administrators grow it: the packaged files, plus generated
 * tables written in the shapes of rules-drl/. Each generated table has a table rule on symptom codes with an
 * {@code in} list and setting tests, a table rule on a yes answer, and five rows in the mix of the packaged rows: a
 * plain row; a Visual Studio row contradicted by a no and supported by a yes; a row entered through either table
 * ({@code or}); a row supported by a symptom; a row contradicted by one finding and supported by another. The
 * generated codes and flags appear in no benchmark fact set, so the rankings stay the packaged ones and what grows
 * is only the cost of rules that do not apply.
 */
final class GeneratedRules {
    static final int ROWS_PER_TABLE = 5;
    /** Tables written to one file: a rule file is at most 128 KB, as administrators split a large rule base. */
    private static final int TABLES_PER_FILE = 25;
    private static final String HEAD = """
            package org.connectionadvisor.drl;

            import java.util.List;
            import org.connectionadvisor.rules.*;
            """;

    private GeneratedRules() {
    }

    /** Writes the packaged rules and enough generated tables for {@code rows} rows in all into {@code directory}. */
    static Path write(int rows, Path directory) {
        try {
            int packagedRows = 0;
            for (DrlFile file : DrlFile.packaged()) {
                Files.writeString(directory.resolve(Path.of(file.path()).getFileName()), file.text());
                packagedRows += file.text().split("@row\\(", -1).length - 1;
            }
            StringBuilder drl = new StringBuilder(HEAD);
            int table = 0;
            for (; table * ROWS_PER_TABLE < rows - packagedRows; table++) {
                table(drl, table, Math.min(ROWS_PER_TABLE, rows - packagedRows - table * ROWS_PER_TABLE));
                if ((table + 1) % TABLES_PER_FILE == 0) {
                    Files.writeString(directory.resolve("generated-" + table / TABLES_PER_FILE + ".drl"), drl);
                    drl = new StringBuilder(HEAD);
                }
            }
            if (table % TABLES_PER_FILE != 0) {
                Files.writeString(directory.resolve("generated-" + table / TABLES_PER_FILE + ".drl"), drl);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(StringBuilder drl, int table, int rows) {
        String topic = "generated-" + table;
        String flag = topic + "-flag";
        String notProduct = table % 2 == 0 ? "server" : "services";
        drl.append(finding("Table: generated table " + table, "Symptom( code in ( \"" + topic + "-a\", \"" + topic + "-b\" ), product != \""
                + notProduct + "\"" + (table % 3 == 0 ? ", scope != \"one-computer\"" : "") + " )", "Topic.of( kcontext, \"" + topic + "\" )"));
        drl.append(finding("Table: generated table " + table + ", said by the user",
                "Context( flag == \"" + flag + "\", answer == \"yes\", product != \"" + notProduct + "\" )",
                "Topic.of( kcontext, \"" + topic + "-said\" )"));
        String[] conditions = {
            "    Topic( name == \"" + topic + "\" )\n",
            "    Topic( name == \"" + topic + "\", client != \"browser\" )\n"
                    + "    not Context( flag == \"" + flag + "\", answer == \"no\" )\n"
                    + "    List() from collect( Context( flag == \"" + flag + "\", answer == \"yes\" ) )\n",
            "    ( Topic( name == \"" + topic + "\" ) or Topic( name == \"" + topic + "-said\" ) )\n"
                    + "    not Context( flag == \"" + flag + "\", answer == \"no\" )\n"
                    + "    List() from collect( Context( flag == \"" + flag + "\", answer == \"yes\" ) )\n",
            "    Topic( name == \"" + topic + "\" )\n"
                    + "    List() from collect( Symptom( code == \"" + topic + "-b\" ) )\n",
            "    Topic( name == \"" + topic + "\", client != \"browser\" )\n"
                    + "    not Finding( name == \"" + topic + "-not\" )\n"
                    + "    List() from collect( Finding( name == \"" + topic + "-yes\" ) )\n"};
        for (int row = 0; row < rows; row++) {
            String id = topic + "-row-" + row;
            drl.append("\nrule \"").append(id).append("\"\n    @row(\"").append(id).append("\")\n    @title(\"Generated row ")
                    .append(id).append("\")\n    @source(\"CONNECT\")\n    @section(\"Generated\")\n    salience ")
                    .append(300 + (table * ROWS_PER_TABLE + row) % 500).append("\nwhen\n").append(conditions[row])
                    .append("then\n    insertLogical( Advice.of( kcontext, \"Generated resolution of ").append(id)
                    .append(": see [the generated guide](https://learn.microsoft.com/generated/").append(id).append(").\" ) );\nend\n");
        }
    }

    private static String finding(String name, String condition, String factory) {
        return "\nrule \"" + name + "\"\n    @layer(\"finding\")\n    salience 1000\nwhen\n    " + condition + "\nthen\n    insertLogical( "
                + factory + " );\nend\n";
    }
}
