/**
 * The web: the public portal (phone first), the staff pages and the REST API under
 * {@code /api/v1}. It only calls the API services of the modules below it; scoping and
 * permissions are enforced in those services, not here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
		allowedDependencies = { "platform", "jurisdiction", "powerlist", "assets", "intake", "casework", "risk" })
package org.qinglian.web;
