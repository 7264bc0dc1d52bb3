package org.connectionadvisor.outcomes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The outcomes, in H2 or PostgreSQL: {@link #open} migrates the schema (Flyway, the same scripts for both), then every
 * call is one short transaction on its own connection, so any number of threads, processes and service instances can
 * share one database; nothing is counted in memory. See docs/outcomes.md for why H2, and why a pool for PostgreSQL only.
 */
public final class OutcomeStore implements AutoCloseable {
    private static final String FIXED = Result.FIXED.word();
    /** Connections per instance to PostgreSQL: enough for a service's concurrent requests, few for a shared server. */
    private static final int POOL_SIZE = 8;

    private final String url;
    private final Retention retention;
    private final Clock clock;
    /** H2 only: keeps the database open between calls (H2 closes a file database with its last connection). */
    private final Connection keeper;
    /** PostgreSQL only: its connections, since a new one costs a server process (H2's cost a fraction of a millisecond). */
    private final HikariDataSource pool;

    private OutcomeStore(String url, Retention retention, Clock clock, Connection keeper, HikariDataSource pool) {
        this.url = url;
        this.retention = retention;
        this.clock = clock;
        this.keeper = keeper;
        this.pool = pool;
    }

    /** Opens (and creates or migrates) the store at a JDBC URL ({@link Databases#url}). */
    public static OutcomeStore open(String url, Retention retention) {
        return open(url, retention, Clock.systemUTC());
    }

    /** As {@link #open(String, Retention)}, with the clock retention measures age by. */
    public static OutcomeStore open(String url, Retention retention, Clock clock) {
        Connection keeper = null;
        HikariDataSource pool = null;
        try {
            if (Databases.h2(url)) {
                keeper = DriverManager.getConnection(url);
            } else {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setPoolName("outcome-store");
                config.setMaximumPoolSize(POOL_SIZE);
                pool = new HikariDataSource(config);
            }
            FluentConfiguration flyway = Flyway.configure().locations("classpath:db/outcomes").table("outcome_schema_history");
            (pool == null ? flyway.dataSource(url, null, null) : flyway.dataSource(pool)).load().migrate();
            return new OutcomeStore(url, retention, clock, keeper, pool);
        } catch (SQLException | RuntimeException e) { // Flyway's and Hikari's exceptions are unchecked
            closeQuietly(keeper, e);
            if (pool != null) {
                pool.close();
            }
            throw failure(url, "cannot be opened", e);
        }
    }

    /**
     * Records one outcome in one transaction, then removes what the retention no longer keeps.
     *
     * @return the key of the outcome's case (see {@link #find})
     */
    public String record(Outcome outcome) {
        String key = StoredFacts.key(outcome.facts());
        return transaction("cannot record an outcome", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outcome"
                    + " (recorded_at, rules_version, row_id, result, facts_key, facts) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, outcome.at().toEpochMilli());
                insert.setString(2, outcome.rulesVersion());
                insert.setString(3, outcome.row());
                insert.setString(4, outcome.result().word());
                insert.setString(5, key);
                insert.setString(6, outcome.facts());
                insert.executeUpdate();
            }
            applyRetention(connection);
            return key;
        });
    }

    private void applyRetention(Connection connection) throws SQLException {
        if (retention.maxAge() != null) {
            try (PreparedStatement old = connection.prepareStatement("DELETE FROM outcome WHERE recorded_at < ?")) {
                old.setLong(1, clock.instant().minus(retention.maxAge()).toEpochMilli());
                old.executeUpdate();
            }
        }
        if (retention.maxCount() != null) {
            try (PreparedStatement excess = connection.prepareStatement("DELETE FROM outcome WHERE id IN (SELECT id FROM"
                    + " outcome ORDER BY recorded_at DESC, id DESC OFFSET ? ROWS)")) {
                excess.setLong(1, retention.maxCount());
                excess.executeUpdate();
            }
        }
    }

    /** Where the outcomes are, as shown to users: the JDBC URL without its parameters and credentials. */
    public String location() {
        return Databases.shown(url);
    }

    /** How many outcomes the store holds. */
    public long count() {
        return transaction("cannot count outcomes", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outcome");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Per row, over every rules version: fixed, not fixed and the fix rate, by row id. */
    public List<RowSummary> summary() {
        return summaryByVersion(false).get(0).rows();
    }

    /** Per rules version (in the order first recorded), the rows' summaries. */
    public List<VersionSummary> summaryByVersion() {
        return summaryByVersion(true);
    }

    private List<VersionSummary> summaryByVersion(boolean byVersion) {
        String version = byVersion ? "rules_version" : "''";
        return transaction("cannot summarise outcomes", connection -> {
            Map<String, List<RowSummary>> versions = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + version + ", row_id,"
                    + " SUM(CASE WHEN result = '" + FIXED + "' THEN 1 ELSE 0 END), SUM(CASE WHEN result = '" + FIXED
                    + "' THEN 0 ELSE 1 END) FROM outcome GROUP BY "
                    + (byVersion ? "rules_version, " : "") + "row_id ORDER BY MIN(id), row_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.computeIfAbsent(rows.getString(1), v -> new ArrayList<>())
                            .add(RowSummary.of(rows.getString(2), rows.getLong(3), rows.getLong(4)));
                }
            }
            if (!byVersion) {
                List<RowSummary> rows = new ArrayList<>(versions.getOrDefault("", List.of()));
                rows.sort((a, b) -> a.row().compareTo(b.row()));
                return List.of(new VersionSummary("", rows));
            }
            return versions.entrySet().stream().map(e -> new VersionSummary(e.getKey(), e.getValue())).toList();
        });
    }

    /** The newest {@code limit} cases, newest first; only those nothing fixed when {@code unresolvedOnly}. */
    public List<RecordedCase> cases(boolean unresolvedOnly, int limit) {
        return transaction("cannot list cases", connection -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT facts_key FROM outcome GROUP BY facts_key"
                    + (unresolvedOnly ? " HAVING SUM(CASE WHEN result = '" + FIXED + "' THEN 1 ELSE 0 END) = 0" : "")
                    + " ORDER BY MAX(id) DESC FETCH FIRST ? ROWS ONLY")) {
                query.setInt(1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
            }
            List<RecordedCase> cases = new ArrayList<>();
            for (String key : keys) {
                find(connection, key).ifPresent(cases::add);
            }
            return cases;
        });
    }

    /** The case of one set of facts, by its key ({@link #record}'s answer). */
    public Optional<RecordedCase> find(String key) {
        return transaction("cannot read a case", connection -> find(connection, key));
    }

    private static Optional<RecordedCase> find(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT facts, row_id, result, recorded_at FROM outcome WHERE facts_key = ? ORDER BY id")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                String facts = null;
                List<String> fixed = new ArrayList<>();
                List<String> notFixed = new ArrayList<>();
                long last = 0;
                while (rows.next()) {
                    facts = rows.getString(1);
                    List<String> into = FIXED.equals(rows.getString(3)) ? fixed : notFixed;
                    if (!into.contains(rows.getString(2))) {
                        into.add(rows.getString(2));
                    }
                    last = Math.max(last, rows.getLong(4));
                }
                return facts == null ? Optional.empty()
                        : Optional.of(new RecordedCase(key, facts, fixed, notFixed, Instant.ofEpochMilli(last)));
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                throw failure("cannot be closed", e);
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection connection = pool != null ? pool.getConnection() : DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private OutcomeStoreException failure(String what, Exception e) {
        return failure(url, what, e);
    }

    private static OutcomeStoreException failure(String url, String what, Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new OutcomeStoreException("outcome store " + Databases.shown(url) + ": " + what + ": "
                + org.connectionadvisor.Echo.value(message), e);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
