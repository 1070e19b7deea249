/**
 * DriverKit: dexts in the catalogue and in the registry as XNU puts them there (iokit/Kernel/IOUserServer.cpp and
 * the dext paths of IOService.cpp). A personality with IOUserServerName is a dext personality; it matches like any
 * other, then {@link dev.ioscope.engine.service.driverkit.IOUserServers} launches (or reuses) the IOUserServer that
 * hosts its user-side class and gives the kernel-side service the dext's shape. Rules DK1... in
 * docs/iokit-rules.md; the model and its limits in docs/driverkit.md.
 */
package dev.ioscope.engine.service.driverkit;
