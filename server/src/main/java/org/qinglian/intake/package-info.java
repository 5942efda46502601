/**
 * Reports (信访举报) from every channel (visits, letters, calls, the web, WeChat, information
 * officers), named or anonymous. The reporter's identity is encrypted at rest with the
 * platform's {@code PersonalDataCipher}, bound to its row, and never leaves the module:
 * its API ({@code Reports}) answers what a report says and whom it names, never who made
 * it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
		allowedDependencies = { "platform", "jurisdiction", "web" })
package org.qinglian.intake;
