package io.purseguard.platform;

/**
 * A request refused for one field's value: the API answers it as a 400 problem naming {@link
 * #field()}, with the message in English (the pages resolve their own words).
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
