package io.purseguard.protection.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature both directions carry (docs/integrations/bank-http.md): {@code X-Purseguard-Timestamp}
 * (Unix seconds) and {@code X-Purseguard-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>}. A signature older or newer than five minutes is refused, so a captured request cannot be
 * replayed later.
 */
public final class Signatures {

    public static final String TIMESTAMP = "X-Purseguard-Timestamp";
    public static final String SIGNATURE = "X-Purseguard-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Signatures() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is {@code body}'s, signed with {@code secret} near {@code now}. */
    public static boolean valid(String secret, String timestamp, String signature, String body, Instant now) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        var expected = sign(secret, seconds, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.strip().getBytes(StandardCharsets.UTF_8));
    }
}
