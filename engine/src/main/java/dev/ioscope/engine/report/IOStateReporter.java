package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnOverrun;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * {@code IOStateReporter} ({@code iokit/Kernel/IOStateReporter.cpp}): each channel has {@code nstates} elements
 * {@code {state_id, intransitions, upticks, last_intransition}}; state ids start as the state indices. A transition
 * ({@link #setChannelState}) bumps the new state's {@code intransitions}, stamps its {@code last_intransition} with
 * now, and adds {@code now - lastUpdateTime} to the previous state's {@code upticks}. Reading a channel
 * ({@code updateChannelValues}) adds the time since the last update to the current state. As in XNU a recorded time
 * of 0 means "no basis yet", so a transition at virtual time 0 starts no residency clock.
 */
public final class IOStateReporter extends IOReporter {
    private int[] currentStates = new int[0];
    private long[] lastUpdateTimes = new long[0];

    public IOStateReporter(long providerId, int categories, int nstates, long unit, LongSupplier clock) {
        super(providerId, IOReportTypes.kIOReportFormatState, categories, unit, nstates, clock);
    }

    @Override
    protected void initChannel(int channelIdx) {
        for (int s = 0; s < channelDimension; s++) {
            setElement(channelIdx * channelDimension + s, s, 0, 0, 0, 0);
        }
        currentStates = Arrays.copyOf(currentStates, nChannels());
        currentStates[channelIdx] = -1; // "_currentStates[] initialized to -1 to detect first state transition"
        lastUpdateTimes = Arrays.copyOf(lastUpdateTimes, nChannels());
    }

    /** {@code setStateID(channel_id, state_index, state_id)}. */
    public int setStateID(long channelId, int stateIndex, long stateId) {
        int c = indexOf(channelId);
        if (c < 0) {
            return kIOReturnBadArgument;
        }
        if (stateIndex >= channelDimension) {
            return kIOReturnBadArgument;
        }
        int element = c * channelDimension + stateIndex;
        if (nElements() - stateIndex <= c * channelDimension) {
            return kIOReturnOverrun;
        }
        if (element < 0) {
            return kIOReturnBadArgument; // copyElementValues refuses it
        }
        setValue(element, 0, stateId, timestampOf(element));
        return kIOReturnSuccess;
    }

    private long timestampOf(int element) {
        return clock.getAsLong();
    }

    /** {@code setChannelState(channel_id, new_state_index)}. */
    public int setChannelState(long channelId, int newStateIndex) {
        int c = indexOf(channelId);
        if (c < 0) {
            return kIOReturnBadArgument;
        }
        return setStateByIndices(c, newStateIndex);
    }

    /** {@code setState(new_state_id)}: single-channel reporters only; finds the state by id. */
    public int setState(long newStateId) {
        if (nChannels() == 1) {
            for (int s = 0; s < channelDimension; s++) {
                if (value(s, 0) == newStateId) {
                    return setStateByIndices(0, s);
                }
            }
        }
        return kIOReturnBadArgument;
    }

    /** {@code handleSetStateByIndices(channel, new_state, 0, 0)} with its bounds checks and codes. */
    public int setStateByIndices(int channelIdx, int newStateIndex) {
        long recordTime = clock.getAsLong();
        if (channelIdx < 0 || channelIdx >= nChannels()) {
            return kIOReturnBadArgument;
        }
        long lastIntransition = recordTime;
        int curr = currentStates[channelIdx];
        if (newStateIndex != curr) {
            if (channelIdx > (nElements() - newStateIndex) / channelDimension) {
                return kIOReturnOverrun;
            }
            int el = channelIdx * channelDimension + newStateIndex;
            if (el < 0 || el >= nElements()) {
                return kIOReturnBadArgument; // copyElementValues refuses an index outside the elements
            }
            setElement(el, value(el, 0), value(el, 1) + 1, value(el, 2), lastIntransition, recordTime);
            currentStates[channelIdx] = newStateIndex;
        }
        long lastUpdate = lastUpdateTimes[channelIdx];
        if (lastUpdate != 0) {
            int cel = channelIdx * channelDimension + curr;
            if (cel < 0 || cel >= nElements()) {
                return kIOReturnBadArgument;
            }
            long residency = lastIntransition - lastUpdate;
            setElement(cel, value(cel, 0), value(cel, 1), value(cel, 2) + residency, value(cel, 3), recordTime);
        }
        lastUpdateTimes[channelIdx] = lastIntransition;
        return kIOReturnSuccess;
    }

    /**
     * {@code overrideChannelState}: sets a state's totals outright (for drivers that keep their own residency); XNU
     * panics if {@code setChannelState} was used on the channel before — here an IllegalStateException.
     */
    public int overrideChannelState(long channelId, long stateId, long timeInState, long intransitions,
            long lastIntransition) {
        return changeTotals(channelId, stateId, timeInState, intransitions, lastIntransition, false);
    }

    /** {@code incrementChannelState}: adds to a state's totals; same restriction as override. */
    public int incrementChannelState(long channelId, long stateId, long timeInState, long intransitions,
            long lastIntransition) {
        return changeTotals(channelId, stateId, timeInState, intransitions, lastIntransition, true);
    }

    private int changeTotals(long channelId, long stateId, long time, long trans, long last, boolean add) {
        int c = indexOf(channelId);
        if (c < 0) {
            return kIOReturnBadArgument;
        }
        if (lastUpdateTimes[c] != 0) {
            throw new IllegalStateException("override/incrementChannelState() cannot be used after setChannelState()");
        }
        for (int s = 0; s < channelDimension; s++) {
            int el = c * channelDimension + s;
            if (value(el, 0) == stateId) {
                setElement(el, stateId, add ? value(el, 1) + trans : trans, add ? value(el, 2) + time : time, last,
                        clock.getAsLong());
                return kIOReturnSuccess;
            }
        }
        return kIOReturnBadArgument;
    }

    @Override
    protected void updateChannelValues(int c) {
        long last = lastUpdateTimes[c];
        if (last == 0) {
            return;
        }
        int el = c * channelDimension + currentStates[c];
        long now = clock.getAsLong();
        setElement(el, value(el, 0), value(el, 1), value(el, 2) + (now - last), value(el, 3), now);
        lastUpdateTimes[c] = now;
    }

    private long stateValue(long channelId, long stateId, int slot) {
        int c = indexOf(channelId);
        if (c < 0) {
            return IOReportTypes.kIOReportInvalidValue;
        }
        updateChannelValues(c);
        for (int s = 0; s < channelDimension; s++) {
            int el = c * channelDimension + s;
            if (value(el, 0) == stateId) {
                return value(el, slot);
            }
        }
        return IOReportTypes.kIOReportInvalidValue;
    }

    /** {@code getStateInTransitions} (refreshes first, as XNU does). */
    public long getStateInTransitions(long channelId, long stateId) {
        return stateValue(channelId, stateId, 1);
    }

    /** {@code getStateResidencyTime} (refreshes first). */
    public long getStateResidencyTime(long channelId, long stateId) {
        return stateValue(channelId, stateId, 2);
    }

    /** {@code getStateLastTransitionTime} (refreshes first). */
    public long getStateLastTransitionTime(long channelId, long stateId) {
        return stateValue(channelId, stateId, 3);
    }

    /** {@code getStateLastChannelUpdateTime}. */
    public long getStateLastChannelUpdateTime(long channelId) {
        int c = indexOf(channelId);
        return c < 0 ? IOReportTypes.kIOReportInvalidValue : lastUpdateTimes[c];
    }
}
