package dev.ioscope.engine.memory;

/**
 * A task's virtual address space as far as mappings need it (the vm_map of {@code createMappingInTask}): the
 * kernel's or a user task's, by name. kIOMapAnywhere places a mapping at the next free page-aligned address,
 * upwards from a base (IOScope's choice, so the same run always maps at the same addresses: user tasks from
 * 0x100000000, above a 64-bit process's 4 GiB __PAGEZERO; the kernel from 0xffffff8000000000, x86_64's
 * VM_MIN_KERNEL_ADDRESS).
 */
public final class TaskMap {
    public static final String KERNEL_TASK = "kernel_task";
    static final long USER_BASE = 0x1_0000_0000L;
    static final long KERNEL_BASE = 0xffff_ff80_0000_0000L;

    private final String name;
    private long next;

    public TaskMap(String name) {
        this.name = name;
        this.next = KERNEL_TASK.equals(name) ? KERNEL_BASE : USER_BASE;
    }

    public String name() {
        return name;
    }

    public boolean isKernel() {
        return KERNEL_TASK.equals(name);
    }

    /** kIOMapAnywhere: whole pages for {@code bytes} starting {@code pageOffset} into the first, at the next free. */
    long allocate(long pageOffset, long bytes) {
        long at = next;
        next += LowMemory.roundPage(pageOffset + bytes);
        return at + pageOffset;
    }
}
