/**
 * The I/O Kit registry: {@link dev.ioscope.engine.registry.IORegistry} (planes, root, entries by ID),
 * {@link dev.ioscope.engine.registry.IORegistryEntry}, paths, the recursive/parents iterator, property search,
 * the kernel's IOPrintPlane dump and the class catalogue.
 */
package dev.ioscope.engine.registry;
