package org.qinglian.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The political supervision list (政治监督清单): major projects a township or the county
 * follows, with the villages they touch, milestones, supervision tasks with their owners
 * (township office or village: 镇村联动), problems found and solved, and progress. Imported
 * projects flagged {@code supervised} are on it by their own id. Staff of the office see
 * its projects; the public sees the list without owners' accounts.
 */
public interface SupervisionList {

	/** The projects whose office or villages are in the user's jurisdiction. */
	List<Listed> projects();

	Optional<Project> project(String projectId);

	/** Lists a project of an office of the user's jurisdiction; returns its id. */
	String list(NewProject project);

	void addMilestone(String projectId, String name, LocalDate dueOn);

	void completeMilestone(String projectId, String milestoneId, LocalDate doneOn);

	void addTask(String projectId, String kind, String title, String ownerCode, LocalDate dueOn);

	/**
	 * Marks a task done: office staff, or a village member for a task their village owns.
	 */
	void completeTask(String taskId, LocalDate doneOn, String note);

	void addProblem(String projectId, String kind, String text, LocalDate foundOn);

	void solveProblem(String projectId, String problemId, LocalDate solvedOn, String solution);

	void reportProgress(String projectId, int pct, LocalDate on, String note);

	/** A project as the public sees it (no accounts), when it is on the list. */
	Optional<Project> published(String projectId);

	/**
	 * The projects of a township's office or touching its villages, as the public sees
	 * them.
	 */
	List<Listed> publishedUnder(String regionCode);

	record NewProject(String officeCode, String name, String kind, String description, List<String> villages) {
	}

	/**
	 * @param progress the latest reported progress, or the imported one
	 */
	record Listed(String projectId, String officeCode, String officeName, String name, String kind,
			List<String> villageNames, Integer progress, boolean imported, long tasksOpen, long problemsFound,
			long problemsSolved) {
	}

	record Milestone(String milestoneId, String name, LocalDate dueOn, LocalDate doneOn) {

		public boolean late(LocalDate today) {
			return doneOn == null ? today.isAfter(dueOn) : doneOn.isAfter(dueOn);
		}

	}

	record Task(String taskId, String kind, String title, String ownerCode, String ownerName, LocalDate dueOn,
			LocalDate doneOn, String doneNote) {
	}

	record Problem(String problemId, String kind, String text, LocalDate foundOn, LocalDate solvedOn, String solution) {
	}

	record Progress(LocalDate reportedOn, int pct, String note) {
	}

	record Project(Listed listed, String description, List<String> villageCodes, LocalDate listedOn,
			List<Milestone> milestones, List<Task> tasks, List<Problem> problems, List<Progress> progress,
			long conflictsSolved, long technicalSolved) {
	}

}
