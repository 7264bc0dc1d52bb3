package org.connectionadvisor.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.kie.internal.concurrent.ExecutorProviderFactory;

/**
 * Drools' JVM-wide "drools-worker" pool (the KieExecutors executor), made to let its idle threads end. Adding a package
 * of 100 or more generated invokers to a KieBase (the rules of rules-drl/ have more) wires them in parallel on that
 * pool (JavaDialectRuntimeData.wireInParallel: no option turns it off), and its core threads never time out: daemon
 * threads, but alive for good, so {@code mvn exec:java} (which waits for the threads of its application to end) waited
 * 15 s and failed. The pool is Drools', shared by every Drools user in the JVM, so it is neither shut down nor replaced
 * (the next wiring would be refused): its idle threads are only allowed to end after {@link #IDLE_SECONDS}, and a later
 * job starts new ones.
 */
final class DroolsWorkers {
    static final long IDLE_SECONDS = 1;

    private DroolsWorkers() {
    }

    static void letIdleWorkersEnd() {
        Executor executor = ExecutorProviderFactory.getExecutorProvider().getExecutor();
        if (executor instanceof ThreadPoolExecutor pool && !pool.allowsCoreThreadTimeOut()) {
            pool.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
            pool.allowCoreThreadTimeOut(true);
        }
    }
}
