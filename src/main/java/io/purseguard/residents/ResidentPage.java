package io.purseguard.residents;

import java.util.List;

public record ResidentPage(List<ResidentSummary> items, int page, int size, long total) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
