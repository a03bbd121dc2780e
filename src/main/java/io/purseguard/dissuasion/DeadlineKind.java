package io.purseguard.dissuasion;

/** The three clocks of a task. */
public enum DeadlineKind {
    /** 签收: the holding unit acknowledges the warning. */
    SIGN_FOR,
    /** 首次联系: someone has reached the person, by phone (or SMS for the lowest level). */
    FIRST_CONTACT,
    /** 见面劝阻: someone has seen the person face to face. */
    FACE_TO_FACE
}
