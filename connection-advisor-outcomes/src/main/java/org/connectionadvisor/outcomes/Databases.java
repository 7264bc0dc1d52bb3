package org.connectionadvisor.outcomes;

import java.nio.file.Path;
import java.util.Map;

import org.connectionadvisor.Echo;

/**
 * Which database holds the outcomes: the one an option names, else {@value #DATABASE_VARIABLE}, else an H2 file in the
 * data folder (the option, else {@value #DATA_VARIABLE}, else {@code ~/.connection-advisor}). Only H2 and PostgreSQL
 * URLs are accepted, the two the migrations are written and tested for.
 */
public final class Databases {
    /** The environment variable that names a team's database, e.g. {@code jdbc:postgresql://db.example/advisor}. */
    public static final String DATABASE_VARIABLE = "CONNECTION_ADVISOR_DATABASE";
    /** The environment variable that names the data folder of the default H2 file. */
    public static final String DATA_VARIABLE = "CONNECTION_ADVISOR_DATA";

    private static final String H2 = "jdbc:h2:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private Databases() {
    }

    /** The data folder: the one given, else {@value #DATA_VARIABLE}, else {@code .connection-advisor} in the home folder. */
    public static Path dataFolder(Path given, Map<String, String> environment) {
        if (given != null) {
            return given;
        }
        String variable = environment.get(DATA_VARIABLE);
        return variable != null && !variable.isBlank() ? Path.of(variable)
                : Path.of(System.getProperty("user.home"), ".connection-advisor");
    }

    /**
     * The JDBC URL of the store: {@code database} when given, else {@value #DATABASE_VARIABLE} when set, else the H2 file
     * {@code outcomes} in the data folder, shared by the processes that open it (H2's automatic mixed mode).
     *
     * @throws IllegalArgumentException when the URL is neither H2 nor PostgreSQL (one line, credentials redacted)
     */
    public static String url(String database, Map<String, String> environment, Path dataFolder) {
        String source = "--database";
        String url = database;
        if (url == null) {
            source = DATABASE_VARIABLE;
            url = environment.get(DATABASE_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            return H2 + "file:" + dataFolder.toAbsolutePath().resolve("outcomes") + ";AUTO_SERVER=TRUE";
        }
        if (!url.startsWith(H2) && !url.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException(source + ": '" + shown(url) + "' is not a"
                    + " database the store supports. Accepted: jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:h2:file:PATH.");
        }
        return url;
    }

    static boolean h2(String url) {
        return url.startsWith(H2);
    }

    /** The URL as shown in messages: without its parameters, which may hold a password, and without credentials. */
    public static String shown(String url) {
        return Echo.value(url.replaceAll("[?;].*", ""));
    }
}
