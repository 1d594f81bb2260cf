/**
 * What a filter declared in {@code web.xml} needs beyond the options: refusing unknown init-params, the
 * store described by init-params, waiting for an H2 file a previous deployment still holds, and saying so
 * when no SLF4J provider would show Crumb's log lines.
 */
package dev.crumb.internal.webxml;
