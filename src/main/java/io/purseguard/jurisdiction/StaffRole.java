package io.purseguard.jurisdiction;

/** The people who act on a warning besides the center. */
public enum StaffRole {
    /** 民警: a station's police officer; community officers answer for named communities. */
    OFFICER,
    /** 乡镇（街道）负责人 */
    TOWNSHIP_HEAD,
    /** 网格员 */
    GRID_WORKER,
    /** 单位负责人: head of a large employer. */
    EMPLOYER_HEAD
}
