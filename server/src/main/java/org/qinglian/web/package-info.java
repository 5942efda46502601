/**
 * The web's shell, shared by every module's pages and endpoints (each module keeps its
 * own in its {@code web} package, its templates in {@code templates/<module>/}): the page
 * layout and what every page's header knows ({@code PageModel}), errors as a user should
 * see them ({@code ErrorHandling}), the language (Chinese first), redirects to a record's
 * page ({@code Redirect}) and what every REST read does alike ({@code ApiReads}). It
 * knows no module but the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = { "platform" })
package org.qinglian.web;
