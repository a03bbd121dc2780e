package io.purseguard.residents;

/**
 * A search of the registry. All parts are optional.
 *
 * @param text a name (or its start), a full ID number or a full phone number
 * @param unitCode only residents in this unit's area
 * @param page zero-based
 */
public record ResidentQuery(String text, String unitCode, Integer ageMin, Integer ageMax, int page, int size) {

    public static final int MAX_SIZE = 200;

    public ResidentQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }
}
