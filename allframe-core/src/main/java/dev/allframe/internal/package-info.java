/**
 * Shared by AllFrame's own modules and not part of its API: nothing here is for applications, and any of it may
 * change or go in any release without notice. Left out of the published Javadoc.
 */
package dev.allframe.internal;
