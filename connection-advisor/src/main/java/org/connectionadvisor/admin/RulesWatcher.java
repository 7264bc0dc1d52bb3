package org.connectionadvisor.admin;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.connectionadvisor.Echo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rule directory (and the directories below it) on a daemon thread and runs an action once the .drl files
 * (and the advice policy) stop changing for the debounce time: an editor's save is often a delete, a create and
 * several writes. It keeps watching whatever happens: an action that throws is logged, and a directory that is
 * removed is looked for until it is back, then watched again and reloaded.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    /** How often a removed directory is looked for. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

    private final Path directory;
    private final WatchService service;
    private final Duration debounce;
    private final Runnable onChange;
    private final Thread thread;
    /** Written and read on the watcher's thread only. */
    private boolean directoryGone;

    RulesWatcher(Path directory, Duration debounce, Runnable onChange) throws IOException {
        this.directory = directory;
        this.service = directory.getFileSystem().newWatchService();
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            register(directory);
        } catch (IOException | UncheckedIOException e) {
            service.close();
            throw e;
        }
        thread = new Thread(this::run, "connection-advisor-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.filter(Files::isDirectory).toList()) {
                path.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                boolean relevant = directoryGone ? lookForDirectory() : drain(service.take());
                WatchKey more;
                while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    reload();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the advisor is shutting down
        }
    }

    /** While the directory is gone: whether it is back (and watched again) after a short wait. */
    private boolean lookForDirectory() throws InterruptedException {
        WatchKey stale = service.poll(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
        if (stale != null) {
            stale.pollEvents();
            stale.reset();
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try {
            register(directory);
        } catch (IOException | UncheckedIOException e) {
            return false; // gone again while being registered: look again
        }
        directoryGone = false;
        return true;
    }

    /** Runs the action; anything it throws is logged and the watch goes on. */
    private void reload() {
        try {
            onChange.run();
        } catch (Throwable e) {
            // One line, the directory escaped: a stack trace in the log is noise an attack file could provoke at will.
            LOG.warn("reloading the rules in {} after an edit failed ({}); still watching", Echo.safe(directory.toString()),
                    Echo.value(e.toString()));
        }
    }

    /**
     * Whether the events of a key touch the rules: a .drl file, a new directory, events lost to an overflow, or the
     * watched directory itself removed (its key is then no longer valid).
     */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path watched = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                relevant = true;
                continue;
            }
            Path path = watched.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path);
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("cannot watch the new directory {} ({})", Echo.safe(path.toString()), Echo.value(e.toString()));
                }
                relevant = true;
            } else if (path.toString().endsWith(".drl") || path.equals(directory.resolve(DrlFile.POLICY_FILE))) {
                relevant = true;
            }
        }
        if (!key.reset() && watched.equals(directory)) {
            directoryGone = true;
            relevant = true;
        }
        return relevant;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("closing the rules watcher failed", e);
        }
        // No interrupt: the closed service wakes the thread, and a reload under way (file reads included) finishes.
        // A listener may close the advisor from the watcher's own thread, which must not wait for itself.
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
