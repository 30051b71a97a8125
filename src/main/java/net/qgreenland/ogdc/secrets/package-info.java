/**
 * Keeping secrets out of output: {@link net.qgreenland.ogdc.secrets.SecretRedactor} removes a token and URL
 * credentials from text before it reaches a log line, a message or an exception's cause. Pure; the JDK only.
 */
package net.qgreenland.ogdc.secrets;
