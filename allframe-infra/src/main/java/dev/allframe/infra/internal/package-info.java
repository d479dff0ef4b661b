/**
 * Internal helpers of {@code allframe-infra} (a small, exact JSON reader and writer). Public only so the module's
 * other packages and the annotation processor can share them; not a supported API.
 */
package dev.allframe.infra.internal;
