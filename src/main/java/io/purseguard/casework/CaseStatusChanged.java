package io.purseguard.casework;

import java.time.Instant;
import java.util.UUID;

/** A case moved one step (立案, 破案, …): analytics computes its figures from these and the history. */
public record CaseStatusChanged(
        UUID caseId, String caseNo, CaseStatus from, CaseStatus to, String stationCode, String by, Instant at) {}
