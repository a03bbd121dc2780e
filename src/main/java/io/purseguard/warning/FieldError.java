package io.purseguard.warning;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Collectors;

/** One failing field of a clue, named as in the intake contract (e.g. {@code person.idNumber}). */
public record FieldError(String field, String message) {

    /**
     * Why an item could not even be read as a clue: the JSON path of the part with the wrong shape
     * (e.g. {@code person} when it is a string), or {@code item} when it is not an object at all.
     */
    public static FieldError unreadable(Exception e) {
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            var field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new FieldError(field, "has the wrong shape");
        }
        return new FieldError("item", "is not a clue object");
    }
}
