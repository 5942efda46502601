/**
 * The demo county: a generator of synthetic counties in the QDX format (realistic names,
 * valid ID numbers and credit codes, two years of village books, uses of power, reports
 * and cases, with every misconduct scheme of the spec injected and labelled), the
 * {@code demo} command, and the demo county loaded on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform" })
package org.qinglian.demo;
