package io.purseguard.warning.excel;

import java.util.concurrent.atomic.AtomicLong;

/** Counters an import updates as it goes, read by the progress bar from another thread. */
public final class ImportProgress {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicate = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long expected = -1;

    /** Data rows read so far. */
    public long rows() {
        return rows.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicate() {
        return duplicate.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** The data rows the file seems to hold, or -1 while unknown. */
    public long expected() {
        return expected;
    }

    /** How far along, 0-99 (100 is for the finished report), or -1 while the total is unknown. */
    public int percent() {
        long total = expected;
        if (total <= 0) {
            return -1;
        }
        return (int) Math.min(99, rows.get() * 100 / total);
    }

    void read() {
        rows.incrementAndGet();
    }

    void expect(long rows) {
        expected = Math.max(rows, 0);
    }

    void taken(long acceptedNow, long duplicateNow, long rejectedNow) {
        accepted.addAndGet(acceptedNow);
        duplicate.addAndGet(duplicateNow);
        rejected.addAndGet(rejectedNow);
    }
}
