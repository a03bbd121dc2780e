package io.purseguard.dissuasion;

import java.util.UUID;

/**
 * One place on a task's team: who fills it and why, or, when nobody can, why not ("no kin in the
 * registry"), so a gap is stated and never silently skipped.
 *
 * @param staffId the staff member (officers, heads, grid workers), or null
 * @param residentId the person in the registry (relatives, and staff who are residents too), or null
 * @param name the full name; views mask it
 * @param phone how to reach them, or null; views mask it
 * @param unitCode the unit the member belongs to (a station, township, grid), or null for kin
 * @param relation what ties them to the warned person: SPOUSE/PARENT/CHILD/SIBLING for kin;
 *     KIN/SAME_HOME_VILLAGE/SAME_COMPOUND/CLASSMATE/COLLEAGUE for a familiar officer; EMPLOYER for an
 *     employer's head; COMMUNITY_OFFICER/ON_DUTY for the officer; null otherwise
 * @param reasonZh why this member, e.g. "民警李某是其表兄 (KIN)"; for a gap, why nobody
 * @param reasonEn the same in English
 */
public record TeamMember(
        TeamRole role,
        UUID staffId,
        UUID residentId,
        String name,
        String phone,
        String unitCode,
        String relation,
        String reasonZh,
        String reasonEn) {

    /** A place nobody could fill, with the reason. */
    public static TeamMember missing(TeamRole role, String reasonZh, String reasonEn) {
        return new TeamMember(role, null, null, null, null, null, null, reasonZh, reasonEn);
    }

    public boolean isMissing() {
        return staffId == null && residentId == null;
    }
}
