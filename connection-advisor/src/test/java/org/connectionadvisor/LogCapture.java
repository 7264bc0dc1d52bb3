package org.connectionadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Takes what one class logs while open, instead of printing it, so that a test that provokes a warning on purpose
 * asserts the exact line. Each line is "LEVEL message", with " (ExceptionClass: message)" when an exception was logged.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final boolean additive;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getLevel() + " " + event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : " (" + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage() + ")"));
        }
    };

    private LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        additive = logger.isAdditive();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** The lines logged so far, taken: the next call returns only lines logged after it. */
    public List<String> lines() {
        List<String> taken = new ArrayList<>();
        lines.drainTo(taken);
        return taken;
    }

    /** The next line, logged by now or within a bound that only keeps a broken test from hanging; null when none came. */
    public String next() throws InterruptedException {
        return lines.poll(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(additive);
        appender.stop();
    }
}
