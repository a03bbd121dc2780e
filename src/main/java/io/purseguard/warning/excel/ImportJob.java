package io.purseguard.warning.excel;

import java.time.Instant;
import java.util.UUID;

/**
 * One import running or done in the background, as the progress bar and the report see it. Held in
 * memory by {@link ImportJobs}: on this node only, and gone after an hour or a restart.
 */
public final class ImportJob {

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    private final UUID id;
    private final String owner;
    private final String fileName;
    private final Instant startedAt;
    private final ImportProgress progress = new ImportProgress();
    private volatile State state = State.QUEUED;
    private volatile ImportReport report;
    private volatile UnreadableSpreadsheet problem;
    private volatile Instant finishedAt;

    ImportJob(UUID id, String owner, String fileName, Instant startedAt) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.startedAt = startedAt;
    }

    public UUID id() {
        return id;
    }

    /** Who uploaded the file: the only one who may see its progress, report and rows. */
    public String owner() {
        return owner;
    }

    public String fileName() {
        return fileName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ImportProgress progress() {
        return progress;
    }

    public State state() {
        return state;
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** The report once {@link State#DONE}. */
    public ImportReport report() {
        return report;
    }

    /**
     * Why the job {@link State#FAILED}: the file's problem, or null when it failed for a reason of
     * ours (the database, say), in which case the rows counted as accepted so far were kept.
     */
    public UnreadableSpreadsheet problem() {
        return problem;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    void running() {
        state = State.RUNNING;
    }

    void done(ImportReport report, Instant at) {
        this.report = report;
        this.finishedAt = at;
        this.state = State.DONE;
    }

    void failed(UnreadableSpreadsheet problem, Instant at) {
        this.problem = problem;
        this.finishedAt = at;
        this.state = State.FAILED;
    }
}
