package io.purseguard.platform.web;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every module's pages answer alike: the 404 and 403 pages in the layout, and the id an address
 * names, which may not be one (the page is then a 404, like one for something that does not exist or
 * that the caller may not see).
 */
public final class Pages {

    private Pages() {}

    /** The UUID in an address, or empty when the text is not one. */
    public static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Nothing there, or nothing the caller may see. */
    public static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    /** A page the caller's role does not have. */
    public static ModelAndView forbidden() {
        return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
    }
}
