package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoCompletion;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNotPrivileged;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;
import static dev.ioscope.engine.userclient.IOExternalMethodDispatch.kIOUCVariableStructureSize;

import java.util.List;
import java.util.Set;

/**
 * The argument checks {@code iokit/Kernel/IOUserClient.cpp} applies before a method runs, in XNU's order, each
 * returning exactly XNU's code. Two entry points, one per kernel API:
 * <ul>
 * <li>{@link #dispatchExternalMethod} = {@code IOUserClient2022::dispatchExternalMethod}: no table →
 * kIOReturnError; selector ≥ table size → kIOReturnBadArgument; then the four count/size checks; then an async call
 * to a row without {@code allowAsync} → kIOReturnBadArgument; then a missing entitlement →
 * kIOReturnNotPrivileged; then the function (none → kIOReturnNoCompletion).</li>
 * <li>{@link #externalMethod} = {@code IOUserClient::externalMethod(selector, args, dispatch, target, ref)} for a
 * subclass that picked the row itself: no row → the legacy {@code getTargetAndMethodForIndex} path, which for an
 * emulated driver without a legacy table is kIOReturnUnsupported; otherwise the same four checks and call.</li>
 * </ul>
 * A structure size is the descriptor's length when a descriptor is present (the large-structure path), otherwise the
 * inband size.
 */
public final class ExternalMethods {
    private ExternalMethods() {
    }

    public static int dispatchExternalMethod(int selector, IOExternalMethodArguments args,
            List<IOExternalMethodDispatch> dispatchArray, Object target, Object reference, Set<String> entitlements) {
        if (dispatchArray == null) {
            return kIOReturnError;
        }
        // selector is uint32_t in XNU: compare unsigned so a "negative" selector is simply too large
        if (Integer.toUnsignedLong(selector) >= dispatchArray.size()) {
            return kIOReturnBadArgument;
        }
        IOExternalMethodDispatch dispatch = dispatchArray.get(selector);
        int err = checkCounts(dispatch, args);
        if (err != 0) {
            return err;
        }
        if (args.asyncWakePort != null && !dispatch.allowAsync()) {
            return kIOReturnBadArgument;
        }
        if (dispatch.checkEntitlement() != null
                && (entitlements == null || !entitlements.contains(dispatch.checkEntitlement()))) {
            return kIOReturnNotPrivileged;
        }
        return call(dispatch, target, reference, args);
    }

    public static int externalMethod(int selector, IOExternalMethodArguments args, IOExternalMethodDispatch dispatch,
            Object target, Object reference) {
        if (dispatch == null) {
            // legacy IOExternalMethod tables: getTargetAndMethodForIndex finds nothing
            return kIOReturnUnsupported;
        }
        int err = checkCounts(dispatch, args);
        if (err != 0) {
            return err;
        }
        return call(dispatch, target, reference, args);
    }

    /** The four checks, in XNU's order: scalar in, structure in, scalar out, structure out. 0 when all pass. */
    static int checkCounts(IOExternalMethodDispatch dispatch, IOExternalMethodArguments args) {
        int count = dispatch.checkScalarInputCount();
        if (count != kIOUCVariableStructureSize && count != args.scalarInputCount) {
            return kIOReturnBadArgument;
        }
        count = dispatch.checkStructureInputSize();
        if (count != kIOUCVariableStructureSize && Integer.toUnsignedLong(count) != (args.structureInputDescriptor
                != null ? args.structureInputDescriptor.getLength() : args.structureInputSize)) {
            return kIOReturnBadArgument;
        }
        count = dispatch.checkScalarOutputCount();
        if (count != kIOUCVariableStructureSize && count != args.scalarOutputCount) {
            return kIOReturnBadArgument;
        }
        count = dispatch.checkStructureOutputSize();
        if (count != kIOUCVariableStructureSize && Integer.toUnsignedLong(count) != (args.structureOutputDescriptor
                != null ? args.structureOutputDescriptor.getLength() : args.structureOutputSize)) {
            return kIOReturnBadArgument;
        }
        return 0;
    }

    private static int call(IOExternalMethodDispatch dispatch, Object target, Object reference,
            IOExternalMethodArguments args) {
        if (dispatch.function() == null) {
            return kIOReturnNoCompletion; // "implementer can dispatch"
        }
        return dispatch.function().call(target, reference, args);
    }
}
