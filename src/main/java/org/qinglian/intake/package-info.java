/**
 * Reports (信访举报) from every channel. The reporter is encrypted at rest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
		allowedDependencies = { "platform", "jurisdiction" })
package org.qinglian.intake;
