package org.qinglian.platform;

import java.util.Set;

/**
 * A bundle was merged into the database.
 *
 * @param importId the import's id
 * @param changedFiles the files of which at least one row was inserted or changed
 */
public record BundleImported(long importId, Set<String> changedFiles) {
}
