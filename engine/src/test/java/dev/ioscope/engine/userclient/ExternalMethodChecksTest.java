package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.MACH_SEND_INVALID_DEST;
import static dev.ioscope.engine.iokit.IOReturn.MIG_ARRAY_TOO_LARGE;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnIPCError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoCompletion;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNotPrivileged;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of IOUserClient2022::dispatchExternalMethod / IOUserClient::externalMethod (xnu
 * iokit/Kernel/IOUserClient.cpp), is_io_connect_method and IOKitLib's IOConnectCallMethod routing.
 */
class ExternalMethodChecksTest {
    private ManualTime time;
    private DemoUserClient uc;
    private IOConnect connect;

    @BeforeEach
    void open() {
        time = new ManualTime();
        IOKitUser user = new IOKitUser(Set.of(), time);
        IOKitUser.OpenResult r = user.serviceOpen(type -> new UserClientProvider.NewUserClient(kIOReturnSuccess,
                uc = new DemoUserClient(type)), 7);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(uc.type()).isEqualTo(7);
        connect = r.connect();
    }

    @Test

    @DisplayName("UC3, UC8: a row matching every check runs its function and returns its outputs")
    void rowMatchingEveryCheckRunsTheFunctionAndReturnsItsOutputs() {
        CallResult r = connect.callScalarMethod(0, new long[] {40, 2}, 1);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(r.scalarOutput()).containsExactly(42);
    }

    @Test

    @DisplayName("UC1: no dispatch table answers kIOReturnError")
    void noTableIsKIOReturnError() {
        assertThat(ExternalMethods.dispatchExternalMethod(0, new IOExternalMethodArguments(), null, null, null,
                Set.of())).isEqualTo(kIOReturnError);
    }

    @Test

    @DisplayName("UC2: a selector at or past the table (unsigned) is kIOReturnBadArgument")
    void selectorAtOrBeyondTheTableIsBadArgumentAndSelectorIsUnsigned() {
        assertThat(connect.callScalarMethod(DemoUserClient.TABLE.size(), new long[0], 0).result())
                .isEqualTo(kIOReturnBadArgument);
        assertThat(connect.callScalarMethod(-1, new long[0], 0).result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC3: a wrong scalar input count is kIOReturnBadArgument and the function does not run")
    void wrongScalarInputCountIsBadArgumentAndTheFunctionDoesNotRun() {
        AtomicInteger ran = new AtomicInteger();
        List<IOExternalMethodDispatch> t = List.of(IOExternalMethodDispatch.of((a, b, c) -> ran.incrementAndGet(),
                2, 0, 0, 0));
        IOExternalMethodArguments args = new IOExternalMethodArguments();
        args.scalarInputCount = 3;
        assertThat(ExternalMethods.dispatchExternalMethod(0, args, t, null, null, Set.of()))
                .isEqualTo(kIOReturnBadArgument);
        assertThat(ran).hasValue(0);
        assertThat(connect.callScalarMethod(0, new long[] {1}, 1).result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC3: a wrong structure input size is kIOReturnBadArgument")
    void wrongStructureInputSizeIsBadArgument() {
        assertThat(connect.callMethod(2, null, new byte[15], 0, 8).result()).isEqualTo(kIOReturnBadArgument);
        assertThat(connect.callMethod(2, null, new byte[16], 0, 8).result()).isEqualTo(kIOReturnSuccess);
    }

    @Test

    @DisplayName("UC3: a wrong scalar output count is kIOReturnBadArgument")
    void wrongScalarOutputCountIsBadArgument() {
        assertThat(connect.callScalarMethod(0, new long[] {1, 2}, 2).result()).isEqualTo(kIOReturnBadArgument);
        assertThat(connect.callScalarMethod(0, new long[] {1, 2}, 0).result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC3: a wrong structure output size is kIOReturnBadArgument")
    void wrongStructureOutputSizeIsBadArgument() {
        assertThat(connect.callMethod(2, null, new byte[16], 0, 9).result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC3, UC8: kIOUCVariableStructureSize skips the check; outputs keep the size the method left")
    void variableStructureSizeDisablesTheCheckAndOutputsComeBackWithTheirActualSize() {
        CallResult r = connect.callStructMethod(1, new byte[] {1, 2, 3}, 100);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(r.structureOutput()).containsExactly(1, 2, 3);
        CallResult s = connect.callScalarMethod(6, new long[] {1, 2, 3}, 16);
        assertThat(s.scalarOutput()).containsExactly(3, 2, 1);
    }

    @Test

    @DisplayName("UC4: structures over 4096 bytes travel as descriptors, checked by descriptor length")
    void structuresOver4096BytesTravelAsDescriptorsAndAreCheckedByDescriptorLength() {
        byte[] in = new byte[5000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) i;
        }
        CallResult r = connect.callMethod(7, null, in, 0, 8000);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(r.structureOutput()).hasSize(6000);
        assertThat(r.structureOutput()[5001]).isEqualTo((byte) 1);
        // 4999 bytes also go out-of-line (> 4096) but the row wants exactly 5000
        assertThat(connect.callMethod(7, null, new byte[4999], 0, 8000).result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC4: the kernel refuses out-of-line structures of 4096 bytes or less (kIOReturnIPCError)")
    void kernelRefusesOutOfLineStructuresThatWouldFitInband() {
        assertThat(connect.ioConnectMethod(1, new long[0], null, new byte[4096], 0, 0, 0, null).result())
                .isEqualTo(kIOReturnIPCError);
        assertThat(connect.ioConnectMethod(1, new long[0], null, null, 0, 0, 4096, null).result())
                .isEqualTo(kIOReturnIPCError);
    }

    @Test

    @DisplayName("UC7: more than 16 scalars never leave the caller; output room is clamped to 16")
    void moreThanSixteenScalarsIsRefusedByMigAndOutputRoomIsClampedToSixteen() {
        assertThat(connect.callScalarMethod(6, new long[17], 16).result()).isEqualTo(MIG_ARRAY_TOO_LARGE);
        CallResult r = connect.callScalarMethod(6, new long[16], 100);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(r.scalarOutput()).hasSize(16);
    }

    @Test

    @DisplayName("UC5: an async call to a row without allowAsync is kIOReturnBadArgument, before the entitlement check")
    void asyncCallToARowWithoutAllowAsyncIsBadArgumentEvenBeforeTheEntitlementCheck() {
        CallResult r = connect.callAsyncMethod(4, (ref, res, a, t) -> { }, 0, null, null, 0, 0);
        assertThat(r.result()).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC5: a missing entitlement is kIOReturnNotPrivileged; counts are checked first")
    void missingEntitlementIsNotPrivilegedAndCountsAreCheckedFirst() {
        assertThat(connect.callScalarMethod(4, new long[0], 0).result()).isEqualTo(kIOReturnNotPrivileged);
        assertThat(connect.callScalarMethod(4, new long[1], 0).result()).isEqualTo(kIOReturnBadArgument);
        ManualTime t2 = new ManualTime();
        IOConnect entitled = new IOKitUser(Set.of("com.example.poke"), t2)
                .serviceOpen(type -> new UserClientProvider.NewUserClient(0, new DemoUserClient(type)), 0).connect();
        assertThat(entitled.callScalarMethod(4, new long[0], 0).result()).isEqualTo(kIOReturnSuccess);
    }

    @Test

    @DisplayName("UC6: a row without a function answers kIOReturnNoCompletion")
    void rowWithoutFunctionIsNoCompletion() {
        assertThat(connect.callScalarMethod(5, new long[0], 0).result()).isEqualTo(kIOReturnNoCompletion);
    }

    @Test

    @DisplayName("UC2: the legacy path without a row answers kIOReturnUnsupported")
    void legacyExternalMethodWithoutARowIsUnsupported() {
        assertThat(ExternalMethods.externalMethod(0, new IOExternalMethodArguments(), null, null, null))
                .isEqualTo(kIOReturnUnsupported);
        IOExternalMethodArguments args = new IOExternalMethodArguments();
        args.scalarInputCount = 1;
        assertThat(ExternalMethods.externalMethod(0, args, DemoUserClient.TABLE.get(0), null, null))
                .isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC10: an async completion arrives later, on virtual time")
    void asyncCompletionArrivesLaterOnVirtualTime() {
        long[] got = new long[4];
        CallResult r = connect.callAsyncMethod(3, (refcon, result, a, t) -> {
            got[0] = refcon;
            got[1] = a[0];
            got[2] = a[1];
            got[3] = t;
        }, 99, new long[] {5_000_000}, null, 0, 0);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(got[0]).as("not delivered synchronously").isZero();
        time.runAll();
        assertThat(got).containsExactly(99, 42, 5_000_000, 5_000_000);
        assertThat(time.journal).containsExactly("5000000 demo work done", "5000000 async completion 1 result 0x0");
    }

    @Test

    @DisplayName("UC11: mapped client memory is one buffer both sides see")
    void clientMemoryIsOneBufferBothSidesSee() {
        IOConnect.MapResult m = connect.mapMemory(0);
        assertThat(m.result()).isEqualTo(kIOReturnSuccess);
        m.memory().putInt(8, 0x11223344);
        assertThat(uc.shared.map().getInt(8)).isEqualTo(0x11223344);
        assertThat(uc.shared.map().get(8)).isEqualTo((byte) 0x44); // little-endian
        uc.shared.map().put(100, (byte) 7);
        assertThat(m.memory().get(100)).isEqualTo((byte) 7);
        assertThat(connect.mapMemory(9).result()).as("clientMemoryForType failed").isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("UC9: close calls clientClose once; later calls hit a dead port")
    void closeCallsClientCloseOnceAndLaterCallsHitADeadPort() {
        assertThat(connect.close()).isEqualTo(kIOReturnSuccess);
        assertThat(uc.events).containsExactly("clientClose");
        assertThat(connect.callScalarMethod(0, new long[] {1, 2}, 1).result()).isEqualTo(MACH_SEND_INVALID_DEST);
        assertThat(connect.close()).isEqualTo(MACH_SEND_INVALID_DEST);
        connect.taskDied();
        assertThat(uc.events).containsExactly("clientClose");
    }

    @Test

    @DisplayName("UC9: task death calls clientDied, which closes once")
    void taskDeathCallsClientDiedWhichClosesOnce() {
        connect.taskDied();
        assertThat(uc.events).containsExactly("clientDied", "clientClose");
        assertThat(uc.sendAsyncResult64(new AsyncReference(1, (a, b, c, d) -> { }, 0), 0))
                .isEqualTo(MACH_SEND_INVALID_DEST);
    }

    @Test
    void openFailuresComeBackUnchanged() {
        IOKitUser user = new IOKitUser(Set.of(), time);
        assertThat(user.serviceOpen(type -> new UserClientProvider.NewUserClient(kIOReturnUnsupported, null), 0)
                .result()).isEqualTo(kIOReturnUnsupported);
        assertThat(user.serviceOpen(type -> new UserClientProvider.NewUserClient(
                IOReturn.kIOReturnExclusiveAccess, null), 0).result())
                .isEqualTo(IOReturn.kIOReturnExclusiveAccess);
    }

    @Test

    @DisplayName("UC10: more than kMaxAsyncArgs (16) arguments is kIOReturnMessageTooLarge")
    void moreThanSixteenAsyncArgumentsIsMessageTooLarge() {
        assertThat(uc.sendAsyncResult64(new AsyncReference(1, (a, b, c, d) -> { }, 0), 0, new long[17]))
                .isEqualTo(IOReturn.kIOReturnMessageTooLarge);
    }

    @Test

    @DisplayName("UC4: absurd out-of-line sizes are refused without allocating")
    void absurdOutOfLineSizesAreRefusedWithoutAllocating() {
        assertThat(connect.callStructMethod(1, null, -1).result())
                .isEqualTo(IOReturn.kIOReturnNoMemory);
        assertThat(connect.ioConnectMethod(1, new long[0], null, null, 0, 0, IOConnect.kMaxOutOfLineSize + 1, null)
                .result()).isEqualTo(IOReturn.kIOReturnNoMemory);
    }

    @Test

    @DisplayName("UC8a: variable output hands back the method's data; success without data is kIOReturnUnderrun")
    void variableOutputHandsBackTheMethodsDataAndSuccessWithoutDataIsUnderrun() {
        List<IOExternalMethodDispatch> table = List.of(
                IOExternalMethodDispatch.of((t, r, a) -> {
                    a.structureVariableOutputData = new byte[] {1, 2, 3, 4, 5};
                    return kIOReturnSuccess;
                }, 0, 0, 0, IOExternalMethodDispatch.kIOUCVariableStructureSize),
                IOExternalMethodDispatch.of((t, r, a) -> kIOReturnSuccess, 0, 0, 0, 0),
                IOExternalMethodDispatch.of((t, r, a) -> kIOReturnSuccess, 0, 0, 0, 8));
        IOConnect c = new IOKitUser(Set.of(), time).serviceOpen(type -> new UserClientProvider.NewUserClient(0,
                new IOUserClient(type, table) {
                }), 0).connect();
        CallResult r = c.callStructMethod(0, null, IOConnect.kIOConnectMethodVarOutputSize);
        assertThat(r.result()).isEqualTo(kIOReturnSuccess);
        assertThat(r.structureOutput()).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.callStructMethod(1, null, IOConnect.kIOConnectMethodVarOutputSize).result())
                .isEqualTo(IOReturn.kIOReturnUnderrun);
        assertThat(c.callStructMethod(2, null, IOConnect.kIOConnectMethodVarOutputSize).result())
                .as("no inband room is offered, so a fixed 8-byte output row refuses").isEqualTo(kIOReturnBadArgument);
    }
}
