package io.purseguard.warning;

/** Where a clue came from. */
public enum ClueSource {
    /** 国家反诈大数据平台 */
    NATIONAL,
    PROVINCIAL,
    CITY,
    BANK,
    CARRIER,
    HOTLINE_96110,
    /** found locally (走访、群众举报) */
    LOCAL
}
