package io.purseguard.casework;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a narrative says: the suggested fraud type, every identifier and amount found (in text order),
 * and the loss it states, or null when it names none.
 */
public record NarrativeAnalysis(
        FraudTypeSuggestion fraudType,
        List<FoundIdentifier> identifiers,
        List<FoundAmount> amounts,
        BigDecimal lossAmount) {}
