/**
 * The platform every module stands on: the database, security and jurisdiction scoping,
 * the hash-chained audit log, the encryption of personal data, the QDX import and export
 * engine (which knows no module: modules declare their files as
 * {@link org.qinglian.platform.ExchangeFile} beans), and the command line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.qinglian.platform;
