/** The JSON seam: {@link dev.allframe.json.JsonCodec} and its default over Avaje Jsonb. */
package dev.allframe.json;
