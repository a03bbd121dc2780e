package io.purseguard.protection;

/** A request the law or the measure's state does not allow, with the reason the API states. */
public class MeasureRefused extends RuntimeException {

    private final String field;

    public MeasureRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about, or null when it is about the measure's state. */
    public String field() {
        return field;
    }
}
