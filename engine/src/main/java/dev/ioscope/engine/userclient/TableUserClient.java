package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.List;
import java.util.Map;

/**
 * A user client whose method table comes from data ({@link MethodTableJson}): each described row becomes an
 * {@link IOExternalMethodDispatch} with the row's shapes, async flag and entitlement, calling the function of the
 * same name from {@code functions} (none → kIOReturnNoCompletion, rule UC6), and memory types map to the driver's
 * buffers ({@link DriverUserClients.Implementation#memory}). {@code clientClose} succeeds, as a
 * driver that frees its resources on close does.
 */
public class TableUserClient extends IOUserClient {
    private final MethodTableJson.MethodTable table;
    private final Map<Integer, IOMemoryDescriptor> memory;

    public TableUserClient(int type, MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions) {
        this(type, table, functions, Map.of());
    }

    /** A client whose {@code clientMemoryForType} hands out {@code memory} by type (the driver's buffers). */
    public TableUserClient(int type, MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions,
            Map<Integer, IOMemoryDescriptor> memory) {
        super(type, rows(table, functions));
        this.table = table;
        this.memory = Map.copyOf(memory);
    }

    /** The driver's memory of that type, or the base answer (kIOReturnUnsupported) when it declares none. */
    @Override
    public ClientMemory clientMemoryForType(int memoryType) {
        IOMemoryDescriptor m = memory.get(memoryType);
        return m != null ? new ClientMemory(kIOReturnSuccess, m) : super.clientMemoryForType(memoryType);
    }

    private static List<IOExternalMethodDispatch> rows(MethodTableJson.MethodTable table,
            Map<String, IOExternalMethodAction> functions) {
        return table.methods().stream().map(m -> m.toDispatch(functions.get(m.name()))).toList();
    }

    /** The description of the table (for journals and forms). */
    public MethodTableJson.MethodTable table() {
        return table;
    }

    /** The description of {@code selector}, or null when the selector is outside the table. */
    public MethodDescription method(int selector) {
        return selector >= 0 && selector < table.methods().size() ? table.methods().get(selector) : null;
    }

    @Override
    public int clientClose() {
        return kIOReturnSuccess;
    }
}
