package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoMemory;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;
import static dev.ioscope.engine.journal.JournalKind.DRIVERKIT_OSACTION;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_ASYNC_COMPLETE;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_CALL;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_CLOSE;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_DEQUEUE;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_MAP;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_OPEN;
import static dev.ioscope.engine.journal.JournalKind.USERCLIENT_PROVIDE;

import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.driverkit.DextUserClients;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.json.JsonDocuments;
import dev.ioscope.engine.userclient.UserClientAction.Call;
import dev.ioscope.engine.userclient.UserClientAction.Close;
import dev.ioscope.engine.userclient.UserClientAction.Dequeue;
import dev.ioscope.engine.userclient.UserClientAction.Open;
import dev.ioscope.engine.userclient.UserClientAction.ProvideUserClient;
import dev.ioscope.engine.memory.IOMapOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User clients inside one simulation: {@code IOServiceOpen} on a scenario entry, calls through the dispatch checks,
 * async completions on the simulation's virtual clock, and {@code IOServiceClose} — each journaled as a
 * {@code userclient.*} event. {@code IOService::newUserClient} is followed: the entry's {@code IOUserClientClass}
 * property names the class (none → kIOReturnUnsupported); a class IOScope cannot instantiate (no method table
 * known for it) → kIOReturnNoMemory, as {@code OSMetaClass::allocClassWithName} failing does. Known classes are
 * {@code IOScopeDemoUserClient} (the demo table shipped with the engine) and those a scenario provides with
 * {@code provide-user-client}. The opened client is attached under the service in the IOService plane with an
 * {@code IOUserClientCreator} property, as ioreg shows real user clients, and detached on close.
 */
final class UserClientSession implements SimulationExtension.Instance {
    static final String IO_USER_CLIENT_CLASS = "IOUserClientClass";
    private static final MethodTableJson.MethodTable DEMO = demoTable();

    private final Simulation sim;
    private final IORegistryPlane service;
    private final IOKitUser user;
    private final Map<String, MethodTableJson.MethodTable> classes = new LinkedHashMap<>();
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private int opened;

    /** {@code mappings}: memory type → the caller's view of it (IOConnectMapMemory), in mapping order. */
    private record Connection(String name, IORegistryEntry provider, IORegistryEntry entry, IOConnect connect,
            TableUserClient client, Map<Integer, ByteBuffer> mappings) {
    }

    UserClientSession(Simulation sim) {
        this.sim = sim;
        this.service = sim.registry().plane(IORegistryPlane.IOSERVICE);
        this.user = new IOKitUser(Set.of(), new SchedulerTimeSink(sim.scheduler()));
        classes.put(DEMO.userClient(), DEMO);
    }

    private static MethodTableJson.MethodTable demoTable() {
        try (InputStream in = DemoMethods.class.getResourceAsStream(DemoMethods.DEMO_TABLE_RESOURCE)) {
            return MethodTableJson.read(in.readAllBytes(), DemoMethods.DEMO_TABLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MethodTableJson.MethodTableException e) {
            throw new IllegalStateException("the engine's demo table is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public void perform(Scenario.Action a) {
        ScenarioAction op = a.op();
        if (op instanceof ProvideUserClient p) {
            provide(a, p);
        } else if (op instanceof Open o) {
            open(a, o);
        } else if (op instanceof Call c) {
            call(a, c);
        } else if (op instanceof Close c) {
            close(a, c.connection());
        } else if (op instanceof UserClientAction.Map m) {
            map(a, m);
        } else if (op instanceof Dequeue d) {
            dequeue(a, d);
        } else {
            error(a, "unknown action");
        }
    }

    private void error(Scenario.Action a, String reason) {
        sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", reason);
    }

    /** Names a user-client class for an entry: its table (a JSON file, or the demo table) and IOUserClientClass. */
    private void provide(Scenario.Action a, ProvideUserClient p) {
        IORegistryEntry e = sim.resolve(p.path());
        if (e == null) {
            error(a, "no entry at " + p.path());
            return;
        }
        MethodTableJson.MethodTable table = DEMO;
        if (p.table() != null) {
            try {
                table = MethodTableJson.read(InputFiles.read(Path.of(p.table()), JsonDocuments.MAX_BYTES),
                        p.table());
            } catch (SnapshotException ex) {
                error(a, "cannot read " + ex.getMessage());
                return;
            } catch (MethodTableJson.MethodTableException ex) {
                error(a, ex.getMessage());
                return;
            }
        }
        String cls = p.className() != null ? p.className() : table.userClient();
        if (cls == null) {
            error(a, "the table names no userClient and the action no class");
            return;
        }
        classes.put(cls, table);
        e.setProperty(IO_USER_CLIENT_CLASS, OSString.of(cls));
        sim.record(USERCLIENT_PROVIDE, sim.path(e), "class", cls, "methods", String.valueOf(table.methods().size()));
    }

    /** IOServiceOpen(service, task, type) → IOService::newUserClient. */
    private void open(Scenario.Action a, Open o) {
        IORegistryEntry e = sim.resolve(o.path());
        if (e == null) {
            error(a, "no entry at " + o.path());
            return;
        }
        String name = o.as() != null ? o.as() : "uc" + opened;
        if (connections.containsKey(name) && !connections.get(name).connect().isClosed()) {
            error(a, "connection " + name + " is already open");
            return;
        }
        int type;
        try {
            type = (int) Long.parseLong(o.type() == null ? "0" : o.type().text());
        } catch (NumberFormatException ex) {
            error(a, "type is not a number: " + o.type());
            return;
        }
        OSObject clsProp = e.property(IO_USER_CLIENT_CLASS);
        // a dext's service makes the client its UserClientProperties describe (service/driverkit, DK12)
        DextUserClients.DextUserClient dext = sim.userServers().serverOf(e).isPresent()
                ? DextUserClients.of(e).orElse(null) : null;
        String cls = dext != null ? dext.ioClass() : clsProp instanceof OSString s ? s.value() : null;
        TableUserClient[] made = new TableUserClient[1];
        IOKitUser.OpenResult r = !e.state().active() ? new IOKitUser.OpenResult(kIOReturnUnsupported, null)
                : user.serviceOpen(t -> {
                    if (dext != null) {
                        return newDextUserClient(e, dext, t, made);
                    }
                    if (cls == null) {
                        return new UserClientProvider.NewUserClient(kIOReturnUnsupported, null);
                    }
                    DriverUserClients.Implementation own = DriverUserClients.find(e, cls);
                    MethodTableJson.MethodTable table = own != null ? own.table() : classes.get(cls);
                    if (table == null) {
                        return new UserClientProvider.NewUserClient(kIOReturnNoMemory, null);
                    }
                    made[0] = own != null ? new TableUserClient(t, table, own.functions(), own.memory())
                            : new DemoTableUserClient(t, table, DemoMethods.FUNCTIONS);
                    return new UserClientProvider.NewUserClient(kIOReturnSuccess, made[0]);
                }, type);
        opened++;
        String path = sim.path(e);
        if (r.result() != kIOReturnSuccess) {
            sim.record(USERCLIENT_OPEN, path, "connection", "", "type", String.valueOf(type), "class",
                    cls == null ? "" : cls, "result", name(r.result()), "value", hex(r.result()));
            return;
        }
        IORegistryEntry uc = sim.registry().createEntry(cls, dext != null ? dext.userClass() : cls);
        if (dext != null) {
            uc.setProperties(dext.properties());   // Create(provider, "UserClientProperties") gives them
        }
        uc.setProperty("IOUserClientCreator", OSString.of("pid 0, ioscope"));
        sim.registry().attach(uc, e, service);
        uc.setState(new EntryState(true, false, false, true, 0, 0, -1));
        connections.put(name, new Connection(name, e, uc, r.connect(), made[0], new LinkedHashMap<>()));
        sim.record(USERCLIENT_OPEN, path, "connection", name, "type", String.valueOf(type), "class", cls,
                "result", name(r.result()), "value", hex(r.result()), "methods",
                String.valueOf(made[0].table().methods().size()));
    }

    /**
     * IOUserServer::serviceNewUserClient: the dext's client, an IOUserUserClient for its user class (anything else
     * is refused with kIOReturnUnsupported); emulated when a plugin offers that user class (DriverUserClients).
     */
    private static UserClientProvider.NewUserClient newDextUserClient(IORegistryEntry e,
            DextUserClients.DextUserClient dext, int type, TableUserClient[] made) {
        if (!dext.isIOUserUserClient()) {
            return new UserClientProvider.NewUserClient(kIOReturnUnsupported, null);
        }
        DriverUserClients.Implementation own = DriverUserClients.find(e, dext.userClass());
        MethodTableJson.MethodTable table = own != null ? own.table()
                : new MethodTableJson.MethodTable(dext.userClass(), List.of());
        made[0] = own != null ? new IOUserUserClient(type, table, own.functions(), own.memory(), true)
                : new IOUserUserClient(type, table, Map.of(), Map.of(), false);
        return new UserClientProvider.NewUserClient(kIOReturnSuccess, made[0]);
    }

    /** IOConnectCallMethod / IOConnectCallAsyncMethod. */
    private void call(Scenario.Action a, Call k) {
        Connection c = connection(a, k.connection());
        if (c == null) {
            return;
        }
        CallLine line;
        try {
            line = CallLine.parse(k.line() != null ? k.line() : lineOf(k));
        } catch (CallLine.CallLineException ex) {
            error(a, ex.getMessage());
            return;
        }
        MethodDescription m = c.client().method(line.selector());
        boolean async = k.async() != null && Boolean.parseBoolean(k.async().text());
        long refcon = k.refcon() == null ? 0 : parseLong(k.refcon().text());
        String path = sim.path(c.provider());
        CallResult r;
        if (async) {
            r = line.runAsync(c.connect(), m, (ref, result, args, t) -> sim.record(USERCLIENT_ASYNC_COMPLETE, path,
                    "connection", c.name(), "selector", String.valueOf(line.selector()), "method",
                    m == null ? "" : m.name(), "refcon", String.valueOf(ref), "result", name(result), "value",
                    hex(result), "args", Arrays.toString(args)), refcon);
        } else {
            r = line.run(c.connect(), m);
        }
        OSAction act = c.client() instanceof IOUserUserClient u ? u.takeLastAction() : null;
        if (act != null) {
            sim.record(DRIVERKIT_OSACTION, path, "connection", c.name(), "selector", String.valueOf(line.selector()),
                    "class", OSAction.KERNEL_COMPLETION, "reference", Long.toHexString(act.reference().id()));
        }
        sim.record(USERCLIENT_CALL, path, "connection", c.name(), "selector", String.valueOf(line.selector()),
                "method", m == null ? "" : m.name(), "async", String.valueOf(async), "scalars",
                Arrays.toString(line.scalars()), "struct", HexFormat.of().formatHex(line.struct()), "result",
                name(r.result()), "value", hex(r.result()), "scalarOutput", Arrays.toString(r.scalarOutput()),
                "structOutput", HexFormat.of().formatHex(r.structureOutput()));
    }

    /** The call line a JSON action spells out field by field. */
    private static String lineOf(Call a) {
        StringBuilder sb = new StringBuilder("call ").append(a.selector() == null ? "" : a.selector().text());
        if (a.scalars() != null) {
            sb.append(" scalars=").append(a.scalars().text().replace("\"", "").replace(" ", ""));
        }
        if (a.struct() != null) {
            sb.append(" struct=").append(a.struct());
        }
        if (a.out() != null) {
            sb.append(" out=").append(a.out().text());
        }
        if (a.outStruct() != null) {
            sb.append(" outStruct=").append(a.outStruct().text());
        }
        return sb.toString();
    }

    private static long parseLong(String s) {
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** IOServiceClose: clientClose once (rule UC9); the client leaves the registry. */
    private void close(Scenario.Action a, String connection) {
        Connection c = connection(a, connection);
        if (c == null) {
            return;
        }
        // the handle stays: calls on a closed connection answer MACH_SEND_INVALID_DEST (rule UC9)
        int r = c.connect().close();
        if (c.entry().inPlane(service)) {
            sim.registry().detachAll(c.entry(), service);
            sim.registry().remove(c.entry());
        }
        sim.record(USERCLIENT_CLOSE, sim.path(c.provider()), "connection", c.name(), "result", name(r), "value",
                hex(r));
    }

    /** IOConnectMapMemory64(connection, memoryType): the caller keeps the mapping (for dequeue and for views). */
    private void map(Scenario.Action a, UserClientAction.Map m) {
        Connection c = connection(a, m.connection());
        Integer type = memoryType(a, m.memoryType(), 0);
        if (c == null || type == null) {
            return;
        }
        int flags;
        try {
            flags = m.options() == null ? IOMapOptions.kIOMapAnywhere : IOMapOptions.parseMapOptions(m.options());
        } catch (IllegalArgumentException e) {
            error(a, "options: " + e.getMessage());
            return;
        }
        IOConnect.MapResult r = c.connect().mapMemory(type, flags);
        if (r.result() == kIOReturnSuccess) {
            c.mappings().put(type, r.memory());
        }
        sim.record(USERCLIENT_MAP, sim.path(c.provider()), "connection", c.name(), "memoryType",
                String.valueOf(type), "result", name(r.result()), "value", hex(r.result()), "size",
                String.valueOf(r.memory() == null ? 0 : r.memory().capacity()), "options",
                IOMapOptions.describe(r.options()));
    }

    /** IODataQueueDequeue on a mapped data queue, as user space consumes it (4096 bytes of buffer). */
    private void dequeue(Scenario.Action a, Dequeue q) {
        Connection c = connection(a, q.connection());
        Integer type = memoryType(a, q.memoryType(), DemoTableUserClient.DATA_QUEUE);
        if (c == null || type == null) {
            return;
        }
        ByteBuffer m = c.mappings().get(type);
        if (m == null) {
            error(a, "memory type " + type + " of " + c.name() + " is not mapped");
            return;
        }
        IODataQueueClient.Dequeued d = new IODataQueueClient(m).dequeue(4096);
        sim.record(USERCLIENT_DEQUEUE, sim.path(c.provider()), "connection", c.name(), "memoryType",
                String.valueOf(type), "result", name(d.result()), "value", hex(d.result()), "data",
                d.data() == null ? "" : HexFormat.of().formatHex(d.data()));
    }

    private Integer memoryType(Scenario.Action a, JsonValue memoryType, int otherwise) {
        String t = JsonValue.text(memoryType);
        try {
            return t == null ? otherwise : (int) Long.parseLong(t);
        } catch (NumberFormatException e) {
            error(a, "memoryType is not a number: " + t);
            return null;
        }
    }

    /** The connections opened so far, in open order, copied (the caller may be on another thread later). */
    List<UserClientConnection> connections() {
        return connections.values().stream().map(c -> new UserClientConnection(c.name(), sim.path(c.provider()),
                c.entry().className(), c.client().type(), c.connect().isClosed(), c.client().calls(),
                c.client().table(), mappings(c))).toList();
    }

    private static List<UserClientConnection.Mapping> mappings(Connection c) {
        List<UserClientConnection.Mapping> out = new ArrayList<>();
        c.mappings().forEach((type, m) -> {
            byte[] bytes = new byte[Math.min(m.capacity(), UserClientConnection.Mapping.MAX_BYTES)];
            m.get(0, bytes);
            boolean queue = c.client() instanceof DemoTableUserClient d && d.isDataQueue(type);
            out.add(new UserClientConnection.Mapping(type, m.capacity(), HexFormat.of().formatHex(bytes),
                    queue ? IODataQueueView.of(m) : null));
        });
        return List.copyOf(out);
    }

    private Connection connection(Scenario.Action a, String connection) {
        String name = connection != null ? connection : "uc0";
        Connection c = connections.get(name);
        if (c == null) {
            error(a, "no open connection " + name);
        }
        return c;
    }

    private static String name(int code) {
        String n = IOReturn.name(code);
        return n == null ? hex(code) : n;
    }

    private static String hex(int code) {
        return String.format("0x%08x", code);
    }
}
