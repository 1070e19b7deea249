/**
 * Memory descriptors and DMA (IOMemoryDescriptor.cpp, IODMACommand.cpp): a descriptor's physical ranges as data
 * (the virtual machine's physical memory layout), its wiring count, and how IODMACommand cuts a prepared transfer
 * into segments under a device's constraints, bouncing through low pages or a copy buffer where it must. Rules
 * MD1-MD3 and DMA1-DMA8 in docs/iokit-rules.md; guide in docs/interrupts-and-dma.md.
 */
package dev.ioscope.engine.memory;
