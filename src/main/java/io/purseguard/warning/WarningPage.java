package io.purseguard.warning;

import java.util.List;

public record WarningPage(List<WarningView> items, int page, int size, long total) {}
