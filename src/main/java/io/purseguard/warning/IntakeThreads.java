package io.purseguard.warning;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs an intake batch's independent pieces of work side by side, so the database does them on two
 * cores instead of one after the other: the batch's reads, and the halves of a large batch's insert.
 * Each piece takes its own connection. When every thread is busy (many batches at once) the caller
 * runs the piece itself: the batch is then no faster, but never waits for a thread.
 */
@Component
class IntakeThreads implements DisposableBean {

    private static final int THREADS = 4;

    private final ThreadPoolExecutor executor;

    IntakeThreads() {
        var counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                0,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    var thread = new Thread(runnable, "intake-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    <T> Future<T> submit(Callable<T> work) {
        return executor.submit(work);
    }

    Future<?> run(Runnable work) {
        return executor.submit(work);
    }

    /** The work's answer; its failure is rethrown as it was thrown. */
    static <T> T join(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for intake work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
