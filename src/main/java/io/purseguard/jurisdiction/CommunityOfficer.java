package io.purseguard.jurisdiction;

import java.util.UUID;

/** 社区民警: officer {@code staffId} answers for the community {@code communityCode}. */
public record CommunityOfficer(String communityCode, UUID staffId) {}
