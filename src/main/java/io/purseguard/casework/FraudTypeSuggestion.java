package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.util.List;

/**
 * The fraud type a narrative suggests, how sure the classifier is (0..1), the reasons an officer can
 * check ("提到‘垫付’‘返佣’ → 刷单返利"), and the runner-up when it is close (else null).
 */
public record FraudTypeSuggestion(FraudType code, double confidence, List<String> reasons, FraudType runnerUp) {}
