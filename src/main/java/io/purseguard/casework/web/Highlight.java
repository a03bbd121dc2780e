package io.purseguard.casework.web;

import io.purseguard.casework.FoundIdentifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A narrative cut into plain runs and identifier runs, for the page to mark the identifiers. */
record Highlight(String text, FoundIdentifier identifier) {

    static List<Highlight> of(String narrative, List<FoundIdentifier> found) {
        var parts = new ArrayList<Highlight>();
        var sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(FoundIdentifier::start));
        int at = 0;
        for (var f : sorted) {
            if (f.start() < at) {
                continue; // a second kind on the same text (a WeChat id that is a phone): marked once
            }
            if (f.start() > at) {
                parts.add(new Highlight(narrative.substring(at, f.start()), null));
            }
            parts.add(new Highlight(narrative.substring(f.start(), f.end()), f));
            at = f.end();
        }
        if (at < narrative.length()) {
            parts.add(new Highlight(narrative.substring(at), null));
        }
        return parts;
    }
}
