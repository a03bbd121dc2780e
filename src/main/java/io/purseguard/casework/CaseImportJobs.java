package io.purseguard.casework;

import io.purseguard.identity.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports running in the background for the import page, with their progress (rows read) and, when
 * done, the report. Jobs live in memory on the node that took the upload, like the clue imports'
 * (behind a load balancer the page needs sticky sessions); the last {@value #KEEP} are kept.
 */
@Component
public class CaseImportJobs implements DisposableBean {

    static final int KEEP = 16;

    /** A job as the page polls it. */
    public record Job(
            UUID id,
            String owner,
            String fileName,
            long rowsRead,
            boolean done,
            CaseImport.Report report,
            String failure) {}

    private final CaseImport imports;
    private final Map<UUID, MutableJob> jobs = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "case-import");
        thread.setDaemon(true);
        return thread;
    });

    CaseImportJobs(CaseImport imports) {
        this.imports = imports;
    }

    /** Starts importing the file, which this takes over (and deletes when done). */
    public UUID start(Path file, String fileName, Caller caller) {
        var job = new MutableJob(UUID.randomUUID(), caller.name(), fileName);
        synchronized (jobs) {
            while (jobs.size() >= KEEP) {
                var oldest = jobs.keySet().iterator().next();
                jobs.remove(oldest);
            }
            jobs.put(job.id, job);
        }
        executor.submit(() -> {
            try {
                job.report = imports.importFile(file, caller, job.rows::set);
            } catch (CaseRefused e) {
                job.failure = e.getMessage();
            } catch (IOException | RuntimeException e) {
                job.failure = "导入失败：" + e.getClass().getSimpleName();
            } finally {
                job.done = true;
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file; the OS cleans up
                }
            }
        });
        return job.id;
    }

    /** The job, for its owner only. */
    public Optional<Job> find(UUID id, Caller caller) {
        synchronized (jobs) {
            var job = jobs.get(id);
            if (job == null || !job.owner.equals(caller.name())) {
                return Optional.empty();
            }
            return Optional.of(
                    new Job(job.id, job.owner, job.fileName, job.rows.get(), job.done, job.report, job.failure));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class MutableJob {
        final UUID id;
        final String owner;
        final String fileName;
        final AtomicLong rows = new AtomicLong();
        volatile boolean done;
        volatile CaseImport.Report report;
        volatile String failure;

        MutableJob(UUID id, String owner, String fileName) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
        }
    }
}
