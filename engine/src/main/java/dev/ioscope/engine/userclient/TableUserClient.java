package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.List;
import java.util.Map;

/**
 * A user client whose method table comes from data ({@link MethodTableJson}): each described row becomes an
 * {@link IOExternalMethodDispatch} with the row's shapes, async flag and entitlement, calling the function of the
 * same name from {@code functions} (none → kIOReturnNoCompletion, rule UC6). {@code clientClose} succeeds, as a
 * driver that frees its resources on close does.
 */
public class TableUserClient extends IOUserClient {
    private final MethodTableJson.MethodTable table;

    public TableUserClient(int type, MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions) {
        super(type, rows(table, functions));
        this.table = table;
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
