package io.purseguard.casework;

import java.util.List;

public record CasePage(List<CaseLine> items, int page, int size, long total) {}
