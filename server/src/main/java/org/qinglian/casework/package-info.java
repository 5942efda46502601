/**
 * Clues and cases (问题线索与案件): a clue comes from a report or from a risk finding turned
 * into one (it listens to the risk library's {@code FindingTurnedIntoClue} and opens the
 * clue once, however often the event is delivered); cases carry their sanctions and the
 * money recovered. Cases are read by supervision staff of their unit's jurisdiction only.
 * The four dispositions of a clue, joint work groups and the five follow-ups come with
 * the reports and cases issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework",
		allowedDependencies = { "platform", "jurisdiction", "intake", "risk", "web" })
package org.qinglian.casework;
