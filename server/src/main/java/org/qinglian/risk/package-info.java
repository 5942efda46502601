/**
 * The integrity-risk library (廉政风险库): red-flag rules that compare the county's data
 * (public display in front, data comparison behind: 前台公开晒、后台比对查), the findings they
 * produce with their evidence and amounts, triage (dismiss with a reason, or turn into a
 * clue), and the profiles of cadres and villages. Rules are set-based SQL over the tables
 * of the modules below (read only), so that they could run on Spark SQL over exported
 * tables as well.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk library",
		allowedDependencies = { "platform", "jurisdiction", "powerlist", "assets", "web" })
package org.qinglian.risk;
