package io.purseguard.warning;

/** Why a warning has its level: the rule that fired, in Chinese and English, shown to every user. */
public record LevelReason(String rule, String zh, String en) {}
