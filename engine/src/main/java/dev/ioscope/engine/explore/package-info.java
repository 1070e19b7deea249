/**
 * Read-only exploration of a loaded registry: a flat search index and its queries, registry diffs, decoders
 * for well-known property encodings, subtree extraction and a sample registry. The GUI shows what these compute
 * and never re-implements them. Nothing here mutates the registry it is given.
 */
package dev.ioscope.engine.explore;
