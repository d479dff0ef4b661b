/**
 * Annotation-driven routes: put {@link dev.allframe.http.annotation.Get @Get}, {@link dev.allframe.http.annotation.Post
 * @Post}, {@link dev.allframe.http.annotation.Put @Put}, {@link dev.allframe.http.annotation.Delete @Delete} or
 * {@link dev.allframe.http.annotation.Patch @Patch} on methods of a controller class, and {@code allframe-processor}
 * generates {@code <Controller>$Routes} with a {@code register(Router.Builder)} method: plain code, no reflection.
 *
 * <p>Parameters: a {@code Request}; {@link dev.allframe.http.annotation.PathParam @PathParam} (or a parameter named
 * like a template segment); {@link dev.allframe.http.annotation.QueryParam @QueryParam};
 * {@link dev.allframe.http.annotation.Header @Header}; and at most one {@link dev.allframe.http.annotation.Body
 * @Body} (or unannotated) JSON body. Path, query and header values convert to {@code String}, {@code int},
 * {@code long}, {@code double}, {@code boolean} (and their boxes), {@code UUID} and enums, optionally wrapped in
 * {@code Optional}; a malformed value is a 400 that names the parameter.
 *
 * <p>Return values: a {@code Response} passes through; {@code void} is a 204; an {@code Optional} that is empty is a
 * 404; anything else is written as JSON with 200, or the status of
 * {@link dev.allframe.http.annotation.ResponseStatus @ResponseStatus}.
 */
package dev.allframe.http.annotation;
