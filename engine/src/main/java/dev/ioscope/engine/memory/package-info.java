/**
 * Memory descriptors and DMA (IOMemoryDescriptor.cpp, IOBufferMemoryDescriptor.cpp, IODMACommand.cpp): a
 * descriptor's physical ranges as data (the virtual machine's physical memory layout), its wiring count and the
 * direction it is wired for, buffers with their capacity and alignment, mappings into tasks, and how IODMACommand
 * cuts a prepared transfer into segments under a device's constraints, bouncing through low pages or a copy buffer
 * where it must. Rules MD1-MD10 and DMA1-DMA8 in docs/iokit-rules.md; guide in docs/interrupts-and-dma.md.
 */
package dev.ioscope.engine.memory;
