package io.purseguard.notification;

import io.purseguard.identity.Masking;
import io.purseguard.jurisdiction.StaffDirectory;
import io.purseguard.notification.sms.SmsGateway;
import io.purseguard.notification.sms.SmsMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Texts urgent notices to staff members, after the sender's transaction has committed and on a
 * thread of its own, so that neither a slow nor a failing gateway touches the sender. The notice row
 * is the outbox: written {@code PENDING} with the notice, claimed ({@code SENDING}) by exactly one
 * sender, then {@code SENT} or {@code FAILED} with the reason. What a crash or a full queue leaves
 * {@code PENDING} is picked up by a sweep every minute; a claim left {@code SENDING} for
 * {@link #GIVE_UP} is marked {@code FAILED}, as nobody knows whether it went out.
 */
@Component
class SmsDispatcher implements DisposableBean {

    /** The longest text: three segments of a Chinese SMS are 201 characters. */
    static final int MAX_TEXT = 200;

    static final String SIGNATURE = "【钱袋子守护】";

    /** How long a notice may stay {@code PENDING} before the sweep sends it instead of the after-commit path. */
    static final Duration SWEEP_AFTER = Duration.ofSeconds(30);

    /** How long a claim may stay {@code SENDING} before it is declared lost. */
    static final Duration GIVE_UP = Duration.ofMinutes(5);

    static final int THREADS = 2;
    static final int QUEUE = 1_000;
    static final int SWEEP_BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final SmsGateway gateway;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    SmsDispatcher(JdbcClient jdbc, StaffDirectory staff, SmsGateway gateway, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.gateway = gateway;
        this.clock = clock;
        var counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
                    var thread = new Thread(task, "sms-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Sends these notices' SMS once the current transaction has committed (never if it rolls back),
     * or at once when there is none. Returns immediately.
     */
    void afterCommit(List<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return;
        }
        var ids = List.copyOf(noticeIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(ids);
                }
            });
        } else {
            submit(ids);
        }
    }

    private void submit(List<UUID> ids) {
        try {
            executor.execute(() -> deliver(ids));
        } catch (RejectedExecutionException e) {
            log.warn("SMS queue full: {} notice(s) wait for the sweep", ids.size());
        }
    }

    /** Claims those of the notices still {@code PENDING} and texts each; never throws. */
    void deliver(Collection<UUID> ids) {
        try {
            var claimed = jdbc.sql("""
                            UPDATE notification.notice SET sms_status = 'SENDING', sms_at = :now
                            WHERE id IN (:ids) AND sms_status = 'PENDING'
                            RETURNING id, audience_id, title_zh, body_zh
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", ids)
                    .query((rs, i) -> new Claimed(
                            rs.getObject("id", UUID.class),
                            rs.getString("audience_id"),
                            rs.getString("title_zh"),
                            rs.getString("body_zh")))
                    .list();
            send(claimed);
        } catch (RuntimeException e) {
            log.error("SMS delivery of {} notice(s) broke off; the sweep will settle them", ids.size(), e);
        }
    }

    /** Sends what the after-commit path left behind, and gives up on claims that never finished. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void sweep() {
        try {
            var now = clock.instant();
            int lost = jdbc.sql("""
                            UPDATE notification.notice
                            SET sms_status = 'FAILED', sms_detail = 'interrupted while sending: delivery unknown',
                                sms_at = :now
                            WHERE sms_status = 'SENDING' AND sms_at < :giveUp
                            """)
                    .param("now", Timestamp.from(now))
                    .param("giveUp", Timestamp.from(now.minus(GIVE_UP)))
                    .update();
            if (lost > 0) {
                log.warn("{} SMS claim(s) never finished; marked FAILED", lost);
            }
            var due = jdbc.sql("""
                            SELECT id FROM notification.notice
                            WHERE sms_status = 'PENDING' AND created_at < :due
                            ORDER BY created_at LIMIT :limit
                            """)
                    .param("due", Timestamp.from(now.minus(SWEEP_AFTER)))
                    .param("limit", SWEEP_BATCH)
                    .query(UUID.class)
                    .list();
            if (!due.isEmpty()) {
                log.info("Sweeping {} SMS left pending", due.size());
                submit(due);
            }
        } catch (RuntimeException e) {
            log.warn("SMS sweep failed: {}", e.toString());
        }
    }

    private void send(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        Set<UUID> staffIds = new HashSet<>();
        claimed.forEach(c -> staffIds.add(c.staffId()));
        staffIds.remove(null);
        Map<UUID, String> phones = staff.phones(staffIds);
        for (var notice : claimed) {
            var phone = notice.staffId() == null ? null : phones.get(notice.staffId());
            if (phone == null || phone.isBlank()) {
                finish(notice.id(), SmsStatus.FAILED, "no phone number on file for staff " + notice.audienceId());
                log.warn("SMS for notice {} not sent: no phone for staff {}", notice.id(), notice.audienceId());
                continue;
            }
            try {
                gateway.send(new SmsMessage(
                        phone,
                        text(notice.titleZh(), notice.bodyZh()),
                        notice.id().toString()));
                finish(notice.id(), SmsStatus.SENT, null);
            } catch (RuntimeException e) {
                log.warn("SMS for notice {} to {} failed: {}", notice.id(), Masking.phone(phone), e.getMessage());
                finish(notice.id(), SmsStatus.FAILED, e.getMessage());
            }
        }
    }

    private void finish(UUID id, SmsStatus status, String detail) {
        jdbc.sql("""
                        UPDATE notification.notice SET sms_status = :status, sms_detail = :detail, sms_at = :now
                        WHERE id = :id AND sms_status = 'SENDING'
                        """)
                .param("status", status.name())
                .param("detail", detail == null ? null : truncate(detail, 500))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** The SMS: signature, Chinese title, Chinese body, at most {@value #MAX_TEXT} characters. */
    static String text(String titleZh, String bodyZh) {
        var text = SIGNATURE + titleZh.strip();
        if (bodyZh != null && !bodyZh.isBlank()) {
            text += "：" + bodyZh.strip();
        }
        return truncate(text, MAX_TEXT);
    }

    private static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow(); // what is left stays PENDING or SENDING for the next sweep
        }
    }

    /** A notice claimed for sending. */
    private record Claimed(UUID id, String audienceId, String titleZh, String bodyZh) {

        UUID staffId() {
            try {
                return UUID.fromString(audienceId);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
