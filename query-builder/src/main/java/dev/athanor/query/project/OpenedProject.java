package dev.athanor.query.project;

import java.util.List;

/**
 * A project as read from its file.
 *
 * @param project the project, in the current format
 * @param fileVersion the format version the file was written in
 * @param notices what was changed while reading, in the user's words (e.g. the migration from an older
 *     version); empty when the file was read as it is
 */
public record OpenedProject(QueryProject project, int fileVersion, List<String> notices) {
    public OpenedProject {
        notices = List.copyOf(notices);
    }

    /** True when the file was in an older format and was converted on reading (it is unchanged on disk). */
    public boolean migrated() {
        return fileVersion < ProjectFile.CURRENT_VERSION;
    }
}
