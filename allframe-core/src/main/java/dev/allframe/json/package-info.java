/**
 * The JSON seam: {@link dev.allframe.json.JsonCodec} and its default over Avaje Jsonb; and
 * {@link dev.allframe.json.JsonStrings}, the one string escaper of the hand-written JSON writers.
 */
package dev.allframe.json;
