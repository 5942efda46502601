/**
 * Statistics and judgement (统计研判): what crosses modules. A cadre's profile (干部画像) from
 * the registry, the uses of power, the books, the findings, the reports and the cases
 * naming them; the political ecology of villages and townships (政治生态研判) with each
 * village's score; the county tree with the figures of the villages below each region;
 * later the year's report card (成绩单). Its services return records and hold the scoring
 * rules ({@link org.qinglian.statistics.RiskScores}), so that its pages only render. It
 * reads the other modules through their APIs, each of which scopes to the signed-in
 * user's jurisdiction; {@code risk} never depends on intake or casework, this module may.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
		allowedDependencies = { "platform", "jurisdiction", "powerlist", "assets", "intake", "casework", "risk" })
package org.qinglian.statistics;
