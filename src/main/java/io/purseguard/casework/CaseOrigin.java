package io.purseguard.casework;

/** How a case came in. */
public enum CaseOrigin {
    /** 来所报案 at the station's counter */
    COUNTER,
    /** 96110 or 110 by phone */
    PHONE,
    /** 网上报案, the citizen app's report form */
    ONLINE,
    /** drafted from a DEFRAUDED or DISSUADED_AFTER_LOSS dissuasion outcome */
    DISSUASION,
    /** imported from the provincial case system */
    IMPORT,
    /** posted by another system through the API */
    API
}
