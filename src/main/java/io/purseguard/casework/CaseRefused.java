package io.purseguard.casework;

/**
 * A case action the rules refuse: a bad field ({@link #field()} names it, 400) or a step the case's
 * state does not allow ({@code field} null, 409).
 */
public class CaseRefused extends RuntimeException {

    private final String field;

    public CaseRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
