package io.purseguard.warning;

/** How a warning found its unit, in the order they are tried. */
public enum RouteMethod {
    /** the person is in the resident registry, found by ID number */
    REGISTRY_ID_NUMBER,
    /** the person is in the registry, found by phone */
    REGISTRY_PHONE,
    /** the ID number's 6-digit region code is one of the city's districts */
    ID_REGION,
    /** the address names a community/village (or a township) of the city */
    ADDRESS,
    /** nothing placed the person in the city: the center's manual queue */
    MANUAL
}
