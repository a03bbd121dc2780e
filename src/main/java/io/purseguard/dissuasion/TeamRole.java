package io.purseguard.dissuasion;

/** The places in a "4+1" team (seed 004) around the warned person, the "+1". */
public enum TeamRole {
    /** The community officer of the person's community, else the station's on-duty officer. */
    OFFICER,
    /** The head of the person's township or street; a known large employer's unit head as well. */
    TOWNSHIP_HEAD,
    /** The grid worker of the person's grid: knows their daily life. */
    GRID_WORKER,
    /** Close kin from the registry, nearest first: watches large money movements around the clock. */
    RELATIVE,
    /** An officer anywhere in the city whom the person already knows (熟警, seed 003). */
    FAMILIAR_OFFICER
}
