package org.qinglian.network;

/**
 * A project of the political supervision list changed (listed, its milestones, tasks,
 * problems or progress): what the portal shows of it is out of date.
 *
 * @param projectId the project
 */
public record SupervisionListChanged(String projectId) {
}
