package io.purseguard.warning;

import java.time.Instant;

/**
 * What the rules look at besides the clue: the person's age (from the ID number or the registry),
 * earlier warnings of the same person, and the moment of triage.
 *
 * @param age null when unknown
 * @param earlierWarnings warnings of the same ID number or phone within the repeat window
 */
record TriageFacts(Clue clue, Integer age, int earlierWarnings, Instant now) {}
