package io.purseguard.casework;

import java.math.BigDecimal;

/** A sum of money written in a narrative ({@code 12.6万元}, {@code 三万五千元}, {@code ¥3,200}), in yuan. */
public record FoundAmount(String text, BigDecimal amount, int start, int end) {}
