package io.purseguard.warning;

import java.util.List;

/**
 * The warnings one intake batch took in, as one event: a listener gets a thousand warnings in one
 * call (and the event registry one row), instead of a thousand calls and rows. Dissuasion opens their
 * tasks from it; protection the measures their levels demand.
 */
public record WarningsReceived(List<WarningReceived> warnings) {}
