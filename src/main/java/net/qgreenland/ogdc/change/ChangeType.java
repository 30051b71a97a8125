package net.qgreenland.ogdc.change;

/** How one path changed between two commits, as Git's diff reports it (rename and copy detection included). */
public enum ChangeType {
    ADD,
    MODIFY,
    DELETE,
    RENAME,
    COPY
}
