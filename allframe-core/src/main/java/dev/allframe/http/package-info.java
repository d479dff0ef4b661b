/**
 * The transport-neutral HTTP model: {@link dev.allframe.http.Request}, {@link dev.allframe.http.Response} and the
 * {@link dev.allframe.http.Router}, a pure function from one to the other that every door calls.
 */
package dev.allframe.http;
