/**
 * The {@code allframe} command line ({@link dev.allframe.cli.AllFrameCli}), built on picocli. Exit codes: 0 success,
 * 1 drift or a failed check, 2 bad usage or bad input (an invalid model, an unreadable file).
 */
package dev.allframe.cli;
