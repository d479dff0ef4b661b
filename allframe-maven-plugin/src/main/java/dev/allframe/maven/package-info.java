/**
 * Maven goals ({@code allframe:infra-emit}, {@code allframe:infra-plan}, {@code allframe:infra-validate}) over
 * {@code allframe-infra}, the same operations as {@code allframe infra ...}.
 */
package dev.allframe.maven;
