package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.libkern;
import static dev.ioscope.engine.sim.ActionField.object;
import static dev.ioscope.engine.sim.ActionField.text;
import static dev.ioscope.engine.sim.ActionField.whole;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;

import java.util.List;

/**
 * The core's scenario actions (docs/scenarios.md), one record each, performed by {@link ScenarioActions}. A field a
 * file leaves out is null (an {@code OSDictionary} is empty). The JSON names are in each record's {@code TYPE}.
 */
public sealed interface CoreAction extends ScenarioAction {
    /** Every core action, in the order an unknown action's error lists them. */
    List<ActionType<?>> TYPES = List.of(Publish.TYPE, Terminate.TYPE, SetProperty.TYPE, Register.TYPE,
            LoadKext.TYPE, UnloadKext.TYPE, AddNotification.TYPE, Advance.TYPE, RaiseInterrupt.TYPE,
            RemoveNotification.TYPE, EmulateDriver.TYPE, PublishResource.TYPE, RegisterInterest.TYPE,
            RemoveInterest.TYPE, MessageClients.TYPE, OpenService.TYPE, CloseService.TYPE,
            IOKitDaemonLaunched.TYPE, DextCrash.TYPE, RegisterInterruptController.TYPE, AddInterruptSource.TYPE,
            EnableInterrupt.TYPE, DisableInterrupt.TYPE, DmaTransfer.TYPE, MemoryCreate.TYPE, MemoryPrepare.TYPE,
            MemoryComplete.TYPE, MemorySetLength.TYPE, MemoryMap.TYPE, MemoryUnmap.TYPE, MemoryRelease.TYPE);

    /** A new entry attached under {@code parent}, then registerService. */
    record Publish(String parent, String className, String name, String location, OSDictionary properties)
            implements CoreAction {
        public static final ActionType<Publish> TYPE = ActionType.of("publish", Publish.class, text("parent"),
                text("class"), text("name"), text("location"), object("properties"));

        @Override
        public ActionType<Publish> actionType() {
            return TYPE;
        }
    }

    /** registerService again (re-matching). */
    record Register(String path) implements CoreAction {
        public static final ActionType<Register> TYPE = ActionType.of("register", Register.class, text("path"));

        @Override
        public ActionType<Register> actionType() {
            return TYPE;
        }
    }

    /** terminate on the entry and, depth first, on clients with no other active provider. */
    record Terminate(String path) implements CoreAction {
        public static final ActionType<Terminate> TYPE = ActionType.of("terminate", Terminate.class, text("path"));

        @Override
        public ActionType<Terminate> actionType() {
            return TYPE;
        }
    }

    /** A property changes ({@code value} null: removed); no re-matching. */
    record SetProperty(String path, String key, OSObject value) implements CoreAction {
        public static final ActionType<SetProperty> TYPE = ActionType.of("set-property", SetProperty.class,
                text("path"), text("key"), libkern("value"));

        @Override
        public ActionType<SetProperty> actionType() {
            return TYPE;
        }
    }

    /** IOCatalogue::addDrivers of a kext, then matching. */
    record LoadKext(String path) implements CoreAction {
        public static final ActionType<LoadKext> TYPE = ActionType.of("load-kext", LoadKext.class, text("path"));

        @Override
        public ActionType<LoadKext> actionType() {
            return TYPE;
        }
    }

    /** A kext's personalities leave the catalogue; its instances are terminated. */
    record UnloadKext(String bundle) implements CoreAction {
        public static final ActionType<UnloadKext> TYPE = ActionType.of("unload-kext", UnloadKext.class,
                text("bundle"));

        @Override
        public ActionType<UnloadKext> actionType() {
            return TYPE;
        }
    }

    /** addMatchingNotification. */
    record AddNotification(String type, OSDictionary matching) implements CoreAction {
        public static final ActionType<AddNotification> TYPE = ActionType.of("add-notification",
                AddNotification.class, text("type"), object("matching"));

        @Override
        public ActionType<AddNotification> actionType() {
            return TYPE;
        }
    }

    /** Nothing but a clock.advance event. */
    record Advance() implements CoreAction {
        public static final ActionType<Advance> TYPE = ActionType.of("advance", Advance.class);

        @Override
        public ActionType<Advance> actionType() {
            return TYPE;
        }
    }

    /** A device raises interrupt {@code index} of {@code path}, or {@code vector} of {@code controller}. */
    record RaiseInterrupt(String path, Long index, String controller, Long vector) implements CoreAction {
        public static final ActionType<RaiseInterrupt> TYPE = ActionType.of("raise-interrupt", RaiseInterrupt.class,
                text("path"), whole("index"), text("controller"), whole("vector"));

        @Override
        public ActionType<RaiseInterrupt> actionType() {
            return TYPE;
        }
    }

    /** IONotifier::remove of a matching notifier. */
    record RemoveNotification(Long id) implements CoreAction {
        public static final ActionType<RemoveNotification> TYPE = ActionType.of("remove-notification",
                RemoveNotification.class, whole("id"));

        @Override
        public ActionType<RemoveNotification> actionType() {
            return TYPE;
        }
    }

    /** A class's probe ({@code probe}: a score or "refuse") and start from now on. */
    record EmulateDriver(String className, JsonValue probe, JsonValue start) implements CoreAction {
        public static final ActionType<EmulateDriver> TYPE = ActionType.of("emulate-driver", EmulateDriver.class,
                text("class"), json("probe"), json("start"));

        @Override
        public ActionType<EmulateDriver> actionType() {
            return TYPE;
        }
    }

    /** IOService::publishResource(key, value). */
    record PublishResource(String key, OSObject value) implements CoreAction {
        public static final ActionType<PublishResource> TYPE = ActionType.of("publish-resource",
                PublishResource.class, text("key"), libkern("value"));

        @Override
        public ActionType<PublishResource> actionType() {
            return TYPE;
        }
    }

    /** registerInterest: a general-interest notifier on a service. */
    record RegisterInterest(String path, String type) implements CoreAction {
        public static final ActionType<RegisterInterest> TYPE = ActionType.of("register-interest",
                RegisterInterest.class, text("path"), text("type"));

        @Override
        public ActionType<RegisterInterest> actionType() {
            return TYPE;
        }
    }

    /** IONotifier::remove of an interest notifier. */
    record RemoveInterest(Long id) implements CoreAction {
        public static final ActionType<RemoveInterest> TYPE = ActionType.of("remove-interest", RemoveInterest.class,
                whole("id"));

        @Override
        public ActionType<RemoveInterest> actionType() {
            return TYPE;
        }
    }

    /** messageClients with an IOMessage.h name or value. */
    record MessageClients(String path, String message) implements CoreAction {
        public static final ActionType<MessageClients> TYPE = ActionType.of("message-clients", MessageClients.class,
                text("path"), text("message"));

        @Override
        public ActionType<MessageClients> actionType() {
            return TYPE;
        }
    }

    /**
     * IOService::open of {@code path} for {@code client}; {@code closeWhenAsked} "false" makes the client one that
     * does not close when its provider terminates (it ignores kIOMessageServiceIsRequestingClose).
     */
    record OpenService(String path, String client, String closeWhenAsked) implements CoreAction {
        public static final ActionType<OpenService> TYPE = ActionType.of("open-service", OpenService.class,
                text("path"), text("client"), text("closeWhenAsked"));

        @Override
        public ActionType<OpenService> actionType() {
            return TYPE;
        }
    }

    /** IOService::close of {@code path} for {@code client}. */
    record CloseService(String path, String client) implements CoreAction {
        public static final ActionType<CloseService> TYPE = ActionType.of("close-service", CloseService.class,
                text("path"), text("client"));

        @Override
        public ActionType<CloseService> actionType() {
            return TYPE;
        }
    }

    /** IOService::iokitDaemonLaunched: the IOMatchDefer list goes. */
    record IOKitDaemonLaunched() implements CoreAction {
        public static final ActionType<IOKitDaemonLaunched> TYPE = ActionType.of("iokit-daemon-launched",
                IOKitDaemonLaunched.class);

        @Override
        public ActionType<IOKitDaemonLaunched> actionType() {
            return TYPE;
        }
    }

    /** The dext process of every running IOUserServer of that name dies (DK8). */
    record DextCrash(String server) implements CoreAction {
        public static final ActionType<DextCrash> TYPE = ActionType.of("dext-crash", DextCrash.class,
                text("server"));

        @Override
        public ActionType<DextCrash> actionType() {
            return TYPE;
        }
    }

    /** The platform knows an interrupt controller by {@code name} (IC1). */
    record RegisterInterruptController(String name, String path, Long vectors, JsonValue level, JsonValue shareable)
            implements CoreAction {
        public static final ActionType<RegisterInterruptController> TYPE = ActionType.of(
                "register-interrupt-controller", RegisterInterruptController.class, text("name"), text("path"),
                whole("vectors"), json("level"), json("shareable"));

        @Override
        public ActionType<RegisterInterruptController> actionType() {
            return TYPE;
        }
    }

    /** A driver's work loop gets an interrupt event source on its provider's interrupt (IC4). */
    record AddInterruptSource(String path, Long index, String name, String filter, JsonValue enable)
            implements CoreAction {
        public static final ActionType<AddInterruptSource> TYPE = ActionType.of("add-interrupt-source",
                AddInterruptSource.class, text("path"), whole("index"), text("name"), text("filter"),
                json("enable"));

        @Override
        public ActionType<AddInterruptSource> actionType() {
            return TYPE;
        }
    }

    /** An interrupt source's enable(). */
    record EnableInterrupt(String path, String source) implements CoreAction {
        public static final ActionType<EnableInterrupt> TYPE = ActionType.of("enable-interrupt",
                EnableInterrupt.class, text("path"), text("source"));

        @Override
        public ActionType<EnableInterrupt> actionType() {
            return TYPE;
        }
    }

    /** An interrupt source's disable(). */
    record DisableInterrupt(String path, String source) implements CoreAction {
        public static final ActionType<DisableInterrupt> TYPE = ActionType.of("disable-interrupt",
                DisableInterrupt.class, text("path"), text("source"));

        @Override
        public ActionType<DisableInterrupt> actionType() {
            return TYPE;
        }
    }

    /**
     * A driver's IODMACommand on memory laid out as physical ranges, or on a descriptor {@code memory-create} made
     * (DMA1-DMA8); numbers or "0x…" strings.
     */
    record DmaTransfer(String path, String ranges, String type, JsonValue prepared, String direction, String output,
                       JsonValue numAddressBits, JsonValue maxSegmentSize, JsonValue maxTransferSize,
                       JsonValue alignment, JsonValue alignmentLength, JsonValue alignmentInternalSegments,
                       JsonValue lastPhysical, JsonValue lowMemory, JsonValue offset, JsonValue length,
                       JsonValue perCall, String memory) implements CoreAction {
        public static final ActionType<DmaTransfer> TYPE = ActionType.of("dma-transfer", DmaTransfer.class,
                text("path"), text("ranges"), text("type"), json("prepared"), text("direction"), text("output"),
                json("numAddressBits"), json("maxSegmentSize"), json("maxTransferSize"), json("alignment"),
                json("alignmentLength"), json("alignmentInternalSegments"), json("lastPhysical"),
                json("lowMemory"), json("offset"), json("length"), json("perCall"), text("memory"));

        @Override
        public ActionType<DmaTransfer> actionType() {
            return TYPE;
        }
    }

    /** The memory actions (MD1-MD10), performed by {@link MemoryActions}; numbers or "0x…" strings. */
    sealed interface MemoryAction extends CoreAction {
    }

    /** An IOBufferMemoryDescriptor ({@code capacity}) or a descriptor over {@code ranges}, by name. */
    record MemoryCreate(String name, String path, String task, String direction, JsonValue capacity,
                        JsonValue alignment, JsonValue physicalMask, String options, String ranges, String type)
            implements MemoryAction {
        public static final ActionType<MemoryCreate> TYPE = ActionType.of("memory-create", MemoryCreate.class,
                text("name"), text("path"), text("task"), text("direction"), json("capacity"), json("alignment"),
                json("physicalMask"), text("options"), text("ranges"), text("type"));

        @Override
        public ActionType<MemoryCreate> actionType() {
            return TYPE;
        }
    }

    /** prepare(direction). */
    record MemoryPrepare(String name, String direction) implements MemoryAction {
        public static final ActionType<MemoryPrepare> TYPE = ActionType.of("memory-prepare", MemoryPrepare.class,
                text("name"), text("direction"));

        @Override
        public ActionType<MemoryPrepare> actionType() {
            return TYPE;
        }
    }

    /** complete(). */
    record MemoryComplete(String name) implements MemoryAction {
        public static final ActionType<MemoryComplete> TYPE = ActionType.of("memory-complete",
                MemoryComplete.class, text("name"));

        @Override
        public ActionType<MemoryComplete> actionType() {
            return TYPE;
        }
    }

    /** IOBufferMemoryDescriptor::setLength. */
    record MemorySetLength(String name, JsonValue length) implements MemoryAction {
        public static final ActionType<MemorySetLength> TYPE = ActionType.of("memory-set-length",
                MemorySetLength.class, text("name"), json("length"));

        @Override
        public ActionType<MemorySetLength> actionType() {
            return TYPE;
        }
    }

    /** createMappingInTask: a map named {@code as} in {@code task}. */
    record MemoryMap(String name, String as, String task, String options, JsonValue address, JsonValue offset,
                     JsonValue length) implements MemoryAction {
        public static final ActionType<MemoryMap> TYPE = ActionType.of("memory-map", MemoryMap.class, text("name"),
                text("as"), text("task"), text("options"), json("address"), json("offset"), json("length"));

        @Override
        public ActionType<MemoryMap> actionType() {
            return TYPE;
        }
    }

    /** IOMemoryMap::unmap. */
    record MemoryUnmap(String map) implements MemoryAction {
        public static final ActionType<MemoryUnmap> TYPE = ActionType.of("memory-unmap", MemoryUnmap.class,
                text("map"));

        @Override
        public ActionType<MemoryUnmap> actionType() {
            return TYPE;
        }
    }

    /** release() of a descriptor ({@code name}) or of one reference to a map ({@code map}). */
    record MemoryRelease(String name, String map) implements MemoryAction {
        public static final ActionType<MemoryRelease> TYPE = ActionType.of("memory-release", MemoryRelease.class,
                text("name"), text("map"));

        @Override
        public ActionType<MemoryRelease> actionType() {
            return TYPE;
        }
    }
}
