package io.purseguard.jurisdiction;

/**
 * Which parent a community hangs under when the tree is drawn: its police station (the police
 * view, the default) or its township (the administrative view). Every other unit has one parent.
 */
public enum TreeShape {
    POLICE,
    ADMINISTRATIVE
}
