package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * IOSharedInterruptController (IOInterruptController.cpp): one vector of a parent controller fanned out to up to
 * 128 handlers, each on a sub-vector of its own. The parent vector is enabled only while every registered handler
 * is enabled; an assertion runs every enabled handler in sub-vector order, and afterwards the parent vector is
 * disabled again if any handler is disabled (IC7, IC8).
 */
final class IOSharedInterruptController extends IOInterruptController {
    /** kIOSharedInterruptControllerDefaultVectors. */
    static final int DEFAULT_VECTORS = 128;

    private final IOInterruptController parent;
    private final int parentVector;
    private int numVectors;
    private int vectorsRegistered;
    private int vectorsEnabled;
    private boolean controllerDisabled = true;

    IOSharedInterruptController(InterruptControllers platform, IOInterruptController parent, int parentVector) {
        super(platform, parent.name + "/shared@" + parentVector, parent.entry, DEFAULT_VECTORS, Set.of(),
                false);
        this.parent = parent;
        this.parentVector = parentVector;
    }

    /** The first free sub-vector takes the handler, soft-disabled; the nub's source now points here. */
    @Override
    int registerInterrupt(IORegistryEntry nub, int source, int ignored, InterruptControllers.Handler handler) {
        int n = 0;
        while (n < DEFAULT_VECTORS && vector(n).registered) {
            n++;
        }
        if (n == DEFAULT_VECTORS) {
            return IOReturn.kIOReturnNoResources;
        }
        platform.bind(nub, source, this, n);
        IOInterruptVector v = vector(n);
        v.handler = handler;
        v.nub = nub;
        v.source = source;
        v.disabledSoft = true;
        v.registered = true;
        vectorsRegistered++;
        numVectors = Math.max(numVectors, vectorsRegistered);
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    int unregisterInterrupt(IORegistryEntry nub, int source, int subVector) {
        for (IOInterruptVector v : vectors.values()) {
            if (v.registered && v.nub == nub && v.source == source) {
                disableInterrupt(nub, source, v.number);
                v.clear();
                vectorsRegistered--;
            }
        }
        if (vectorsEnabled == vectorsRegistered) {
            controllerDisabled = false;
            parent.enableInterrupt(null, 0, parentVector);
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** getInterruptType: the parent vector's type. */
    @Override
    int getInterruptType(int subVector) {
        return parent.getInterruptType(parentVector);
    }

    /** Counted: the parent vector is enabled when the last registered handler is (IC8). */
    @Override
    int enableInterrupt(IORegistryEntry nub, int source, int subVector) {
        IOInterruptVector v = vector(subVector);
        if (!v.disabledSoft) {
            return IOReturn.kIOReturnSuccess;
        }
        v.disabledSoft = false;
        vectorsEnabled++;
        if (controllerDisabled && vectorsEnabled == vectorsRegistered) {
            controllerDisabled = false;
            parent.enableInterrupt(null, 0, parentVector);
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** Counted down; the parent vector is left as it is until the next assertion (IC8). */
    @Override
    int disableInterrupt(IORegistryEntry nub, int source, int subVector) {
        IOInterruptVector v = vector(subVector);
        if (!v.disabledSoft) {
            v.disabledSoft = true;
            vectorsEnabled--;
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** handleInterrupt: every enabled, registered handler up to the high-water mark, then maybe mask the parent. */
    void handleInterrupt(IORegistryEntry ignoredNub, int ignoredSource) {
        for (int n = 0; n < numVectors; n++) {
            IOInterruptVector v = vectors.get(n);
            if (v == null || !v.registered) {
                continue;
            }
            if (v.disabledSoft) {
                platform.record(JournalKind.INTERRUPT_SKIP, v.nub, "controller", parent.name, "vector",
                        String.valueOf(parentVector), "subvector", String.valueOf(n), "handler", v.handler.name());
                continue;
            }
            v.delivered++;
            platform.record(JournalKind.INTERRUPT_DISPATCH, v.nub, "controller", parent.name, "vector",
                    String.valueOf(parentVector), "subvector", String.valueOf(n), "handler", v.handler.name());
            v.handler.interruptOccurred(v.nub, v.source);
        }
        if (vectorsEnabled != vectorsRegistered) {
            parent.disableInterrupt(null, 0, parentVector);
            controllerDisabled = true;
        }
    }

    /** The parent vector's handler: this controller's handleInterrupt. */
    InterruptControllers.Handler asHandler() {
        return new InterruptControllers.Handler() {
            @Override
            public String name() {
                return "IOSharedInterruptController";
            }

            @Override
            public void interruptOccurred(IORegistryEntry nub, int source) {
                handleInterrupt(nub, source);
            }
        };
    }

    List<InterruptTree.Handler> handlers() {
        List<InterruptTree.Handler> out = new ArrayList<>();
        for (IOInterruptVector v : vectors.values()) {
            if (v.registered) {
                out.add(new InterruptTree.Handler(platform.path(v.nub), v.source, v.handler.name(), !v.disabledSoft,
                        v.number));
            }
        }
        return out;
    }
}
