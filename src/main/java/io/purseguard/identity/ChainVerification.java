package io.purseguard.identity;

/**
 * The result of re-computing the audit trail's hash chain.
 *
 * @param firstBrokenSeq the first entry whose hash or link does not match, or null when intact
 */
public record ChainVerification(boolean intact, long entries, Long firstBrokenSeq, String reason) {}
