package io.purseguard.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code kill -9} of Purseguard its PostgreSQL child lives on as an orphan holding the data
 * directory, or, after a machine crash, a {@code postmaster.pid} names a process that is gone. Both
 * are the normal aftermath of a crash, not an error: stop the orphan, drop the stale file, and let
 * PostgreSQL's own crash recovery replay the WAL.
 */
final class StaleServer {

    private static final Logger log = LoggerFactory.getLogger(StaleServer.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StaleServer() {}

    static void shutDownIn(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        var process = pid > 0
                ? ProcessHandle.of(pid).filter(p -> isPostmasterOf(p, dataDir))
                : java.util.Optional.<ProcessHandle>empty();
        if (process.isPresent()) {
            log.warn("PostgreSQL {} from an earlier run still holds {}; shutting it down", pid, dataDir);
            stop(process.get(), pid);
        } else {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle postmaster, long pid) throws IOException {
        // SIGINT is PostgreSQL's "fast" shutdown: abort sessions, checkpoint, exit cleanly.
        signal("INT", pid);
        if (!waitForExit(postmaster)) {
            log.warn("PostgreSQL {} did not stop in {}; killing it", pid, PATIENCE);
            postmaster.destroyForcibly();
            waitForExit(postmaster);
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                process.onExit().get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // not yet; poll again until the deadline
            } catch (java.util.concurrent.ExecutionException e) {
                return !process.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Only a postgres process started on this very directory is ours to stop. */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        var cmd = process.info().commandLine().orElse("");
        if (cmd.isEmpty()) {
            // some kernels hide other processes' arguments; fall back to /proc
            try {
                cmd = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                        .replace('\0', ' ');
            } catch (IOException e) {
                return false;
            }
        }
        return cmd.contains("postgres") && cmd.contains(dataDir.toString());
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
