package io.purseguard.warning.excel;

import io.purseguard.identity.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports started from the page run here, two at a time on a small pool of their own (not a bean,
 * so Spring's application executor stays as it is), while the page polls their progress.
 *
 * <p>Job state is kept in memory on this node: a bounded map whose finished jobs expire after an
 * hour. Behind a load balancer the page's polls must reach the node that took the upload (sticky
 * sessions); after a restart a job is gone, though the rows it took in are kept.
 */
@Component
public class ImportJobs implements DisposableBean {

    /** How long a finished job's report stays available. */
    public static final Duration KEEP = Duration.ofHours(1);

    /** Jobs held at most, running or finished; when full, the oldest finished one makes room. */
    static final int MAX_JOBS = 32;

    static final int THREADS = 2;

    /** Uploads waiting for a thread; more are refused as busy. */
    static final int QUEUE = 8;

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ClueImport imports;
    private final Clock clock;
    private final Map<UUID, ImportJob> jobs = new LinkedHashMap<>();
    private final ThreadPoolExecutor executor;

    ImportJobs(ClueImport imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
        var counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
                    var thread = new Thread(task, "clue-import-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts importing the file, which this takes over (and deletes when done).
     *
     * @throws Busy when too many imports are running or waiting; the file is deleted then too
     */
    public ImportJob start(Path file, SpreadsheetFormat format, String fileName, Caller owner) throws Busy {
        var job = new ImportJob(UUID.randomUUID(), owner.name(), fileName, clock.instant());
        synchronized (jobs) {
            expire();
            if (jobs.size() >= MAX_JOBS && !evictOldestFinished()) {
                delete(file);
                throw new Busy();
            }
            jobs.put(job.id(), job);
        }
        try {
            executor.execute(() -> run(job, file, format, owner));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id());
            }
            delete(file);
            throw new Busy();
        }
        return job;
    }

    /** The job, if it exists on this node, has not expired, and belongs to this person. */
    public Optional<ImportJob> find(UUID id, String owner) {
        synchronized (jobs) {
            expire();
            return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
        }
    }

    private void run(ImportJob job, Path file, SpreadsheetFormat format, Caller owner) {
        job.running();
        try {
            job.done(imports.run(file, format, job.progress(), owner), clock.instant());
        } catch (UnreadableSpreadsheet e) {
            job.failed(e, clock.instant());
        } catch (IOException | RuntimeException e) {
            log.error("Import {} of {} by {} failed", job.id(), job.fileName(), job.owner(), e);
            job.failed(null, clock.instant());
        } finally {
            delete(file);
        }
    }

    private void expire() {
        var cutoff = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.finished() && j.finishedAt().isBefore(cutoff));
    }

    private boolean evictOldestFinished() {
        var oldest =
                jobs.values().stream().filter(ImportJob::finished).min(Comparator.comparing(ImportJob::finishedAt));
        oldest.ifPresent(j -> jobs.remove(j.id()));
        return oldest.isPresent();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** Too many imports at once; try again shortly. */
    public static final class Busy extends Exception {
        Busy() {
            super("Too many imports are running; try again in a minute");
        }
    }
}
