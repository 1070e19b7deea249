package dev.ioscope.engine.journal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of event the engine journals, with its name in the journal's text and JSON (docs/scenarios.md, "Event
 * kinds"; docs/driverkit.md for {@code driverkit.*}). Plugins add kinds of their own through {@link EventKind}.
 */
public enum JournalKind implements EventKind {
    // clock
    CLOCK_ADVANCE("clock.advance"),

    // device
    DEVICE_PLUG("device.plug"),
    DEVICE_UNPLUG("device.unplug"),

    // driver
    DRIVER_EMULATE("driver.emulate"),

    // driverkit
    DRIVERKIT_LAUNCH("driverkit.launch"),
    DRIVERKIT_NO_REUSE("driverkit.no-reuse"),
    DRIVERKIT_NO_SERVER("driverkit.no-server"),
    DRIVERKIT_OSACTION("driverkit.osaction"),
    DRIVERKIT_REUSE("driverkit.reuse"),
    DRIVERKIT_RPC("driverkit.rpc"),
    DRIVERKIT_SERVER_DIED("driverkit.server-died"),
    DRIVERKIT_SERVICE_ATTACH("driverkit.service-attach"),
    DRIVERKIT_STARTED("driverkit.started"),

    // gate
    GATE_ACTION("gate.action"),
    GATE_BLOCKED("gate.blocked"),
    GATE_REFUSED("gate.refused"),
    GATE_RESUME("gate.resume"),
    GATE_SLEEP("gate.sleep"),
    GATE_WAKEUP("gate.wakeup"),

    // interest
    INTEREST_REGISTER("interest.register"),
    INTEREST_REMOVED("interest.removed"),

    // interrupt
    INTERRUPT_CONTROLLER("interrupt.controller"),
    INTERRUPT_REGISTER("interrupt.register"),
    INTERRUPT_WAIT_CONTROLLER("interrupt.wait-controller"),
    INTERRUPT_SHARE("interrupt.share"),
    INTERRUPT_SPURIOUS("interrupt.spurious"),
    INTERRUPT_DISPATCH("interrupt.dispatch"),
    INTERRUPT_SKIP("interrupt.skip"),
    INTERRUPT_FILTER("interrupt.filter"),
    OS_SYNCHRONIZE_IO("os.synchronize-io"),
    DMA_SPECIFICATION("dma.specification"),
    DMA_PREPARE("dma.prepare"),
    DMA_SEGMENT("dma.segment"),
    DMA_GENERATE("dma.generate"),
    DMA_COMPLETE("dma.complete"),
    MEMORY_CREATE("memory.create"),
    MEMORY_PREPARE("memory.prepare"),
    MEMORY_COMPLETE("memory.complete"),
    MEMORY_SET_LENGTH("memory.set-length"),
    MEMORY_MAP("memory.map"),
    MEMORY_UNMAP("memory.unmap"),
    MEMORY_RELEASE("memory.release"),
    MEMORY_FREE("memory.free"),
    MEMORY_REFUSED("memory.refused"),
    INTERRUPT_ACTION("interrupt.action"),
    INTERRUPT_DISABLE("interrupt.disable"),
    INTERRUPT_ENABLE("interrupt.enable"),
    INTERRUPT_MASKED("interrupt.masked"),
    INTERRUPT_RAISE("interrupt.raise"),

    // iokit
    IOKIT_DAEMON_LAUNCHED("iokit.daemon-launched"),

    // kext
    KEXT_LOAD("kext.load"),
    KEXT_UNLOAD("kext.unload"),

    // match
    MATCH_ACCEPT("match.accept"),
    MATCH_BEGIN("match.begin"),
    MATCH_CATEGORY_TAKEN("match.category-taken"),
    MATCH_DEFER("match.defer"),
    MATCH_REJECT("match.reject"),

    // notify
    NOTIFY_ARMED("notify.armed"),
    NOTIFY_DELIVER("notify.deliver"),
    NOTIFY_REMOVED("notify.removed"),

    // power
    POWER_ACK("power.ack"),
    POWER_ACK_TIMEOUT("power.ack-timeout"),
    POWER_ASSERTION_CREATE("power.assertion-create"),
    POWER_ASSERTION_RELEASE("power.assertion-release"),
    POWER_CHANGE_BEGIN("power.change-begin"),
    POWER_CHANGE_END("power.change-end"),
    POWER_CHILDREN_READY("power.children-ready"),
    POWER_CLAMP("power.clamp"),
    POWER_CLIENT_ACK("power.client-ack"),
    POWER_CLIENT_ACK_TIMEOUT("power.client-ack-timeout"),
    POWER_DID_CHANGE("power.did-change"),
    POWER_ERROR("power.error"),
    POWER_IDLE("power.idle"),
    POWER_IDLE_END("power.idle-end"),
    POWER_IDLE_PERIOD("power.idle-period"),
    POWER_IDLE_TIMER("power.idle-timer"),
    POWER_INIT("power.init"),
    POWER_INTEREST("power.interest"),
    POWER_INTEREST_ACK("power.interest-ack"),
    POWER_INTEREST_TIMEOUT("power.interest-timeout"),
    POWER_JOIN("power.join"),
    POWER_MESSAGE("power.message"),
    POWER_OVERRIDE("power.override"),
    POWER_REGISTER_DRIVER("power.register-driver"),
    POWER_REGISTER_DRIVER_IGNORED("power.register-driver-ignored"),
    POWER_REQUEST("power.request"),
    POWER_SET_POWER_STATE("power.set-power-state"),
    POWER_SET_POWER_STATE_FAILED("power.set-power-state-failed"),
    POWER_SLEEP_CANCELLED("power.sleep-cancelled"),
    POWER_SLEEP_INTEREST("power.sleep-interest"),
    POWER_SLEEP_PREVENTED("power.sleep-prevented"),
    POWER_STOP("power.stop"),
    POWER_SYSTEM_ASLEEP("power.system-asleep"),
    POWER_SYSTEM_AWAKE("power.system-awake"),
    POWER_SYSTEM_SLEEP("power.system-sleep"),
    POWER_SYSTEM_SLEEP_IGNORED("power.system-sleep-ignored"),
    POWER_SYSTEM_WAKE("power.system-wake"),
    POWER_SYSTEM_WAKE_IGNORED("power.system-wake-ignored"),
    POWER_TICKLE("power.tickle"),
    POWER_VETO("power.veto"),
    POWER_WILL_CHANGE("power.will-change"),

    // probe
    PROBE_FAIL("probe.fail"),
    PROBE_REFUSE("probe.refuse"),
    PROBE_SCORE("probe.score"),

    // property
    PROPERTY_SET("property.set"),

    // registry
    REGISTRY_ATTACH("registry.attach"),
    REGISTRY_DETACH("registry.detach"),

    // resource
    RESOURCE_PUBLISH("resource.publish"),

    // scenario
    SCENARIO_ERROR("scenario.error"),

    // service
    SERVICE_BUSY("service.busy"),
    SERVICE_CLOSE("service.close"),
    SERVICE_DID_TERMINATE("service.did-terminate"),
    SERVICE_IDLE("service.idle"),
    SERVICE_MATCHED("service.matched"),
    SERVICE_MESSAGE("service.message"),
    SERVICE_OPEN("service.open"),
    SERVICE_REGISTER("service.register"),
    SERVICE_RESOURCE_IGNORED("service.resource-ignored"),
    SERVICE_RESUME("service.resume"),
    SERVICE_START("service.start"),
    SERVICE_START_FAILED("service.start-failed"),
    SERVICE_STOP("service.stop"),
    SERVICE_STOP_DEFERRED("service.stop-deferred"),
    SERVICE_STOP_FAILED("service.stop-failed"),
    SERVICE_TERMINATE("service.terminate"),
    SERVICE_WAIT_RESOURCE("service.wait-resource"),
    SERVICE_WILL_TERMINATE("service.will-terminate"),

    // timer
    TIMER_ARM("timer.arm"),
    TIMER_CANCEL("timer.cancel"),
    TIMER_FIRE("timer.fire"),

    // userclient
    USERCLIENT_ASYNC_COMPLETE("userclient.async.complete"),
    USERCLIENT_CALL("userclient.call"),
    USERCLIENT_CLOSE("userclient.close"),
    USERCLIENT_DEQUEUE("userclient.dequeue"),
    USERCLIENT_MAP("userclient.map"),
    USERCLIENT_OPEN("userclient.open"),
    USERCLIENT_PROVIDE("userclient.provide"),

    // workloop
    WORKLOOP_ADD_SOURCE("workloop.add-source"),
    WORKLOOP_CREATE("workloop.create");

    /** Families that code tests with {@link EventKind#in}. */
    public static final String MATCH = "match";
    public static final String PROBE = "probe";
    public static final String POWER = "power";
    public static final String SERVICE = "service";
    public static final String USERCLIENT = "userclient";

    private final String id;

    JournalKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The engine's kind of that name, if there is one. */
    public static Optional<JournalKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
