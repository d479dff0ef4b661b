/**
 * The JSON seam: {@link dev.allframe.json.JsonCodec} and its default over Avaje Jsonb, bounded by
 * {@link dev.allframe.json.JsonLimits}; and
 * {@link dev.allframe.json.JsonStrings}, the one string escaper of the hand-written JSON writers.
 */
package dev.allframe.json;
