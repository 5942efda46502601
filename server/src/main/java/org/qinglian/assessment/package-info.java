/**
 * The creation standards of Fengqiao-style supervision offices (创建标准: 5 aspects and 19
 * items by default, edited by the county) and the yearly assessment of every township
 * office: each data item scored from the platform's records with the figures behind it,
 * each review item by reviewers with a note, the ranking, the change against last year
 * and the designation of the year's Fengqiao-style offices; and the county's view of its
 * townships side by side with drill-down to a village. It reads the tables of the other
 * modules in SQL, read-only ({@link org.qinglian.assessment.Metric} says what each figure
 * counts), as the report card does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
		allowedDependencies = { "platform", "jurisdiction", "statistics", "risk", "intake", "network", "web" })
package org.qinglian.assessment;
