/**
 * Clues and cases (线索与案件).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework",
		allowedDependencies = { "platform", "jurisdiction", "intake", "risk" })
package org.qinglian.casework;
