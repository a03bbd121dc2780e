package io.purseguard.warning.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.purseguard.warning.WarningView;
import java.util.Map;

/** A warning as {@code GET /api/v1/warnings/{id}} answers it: the warning's fields plus the addenda. */
final class WarningDetail {

    private final WarningView warning;
    private final Map<String, Object> addenda;

    WarningDetail(WarningView warning, Map<String, Object> addenda) {
        this.warning = warning;
        this.addenda = addenda;
    }

    @JsonUnwrapped
    public WarningView getWarning() {
        return warning;
    }

    @JsonAnyGetter
    public Map<String, Object> getAddenda() {
        return addenda;
    }
}
