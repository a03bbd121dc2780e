package io.purseguard.residents;

/** As derived from the ID number. */
public enum Gender {
    M,
    F
}
