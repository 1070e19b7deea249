package dev.ioscope.engine.service;

/** The property keys of DriverKit, as iokit/IOKit/IOKitKeys.h and IOUserServer.h spell them. */
public final class DriverKitKeys {
    /** kIOUserServerNameKey: a personality holding it is a dext personality (probeCandidates' isDext). */
    public static final String IO_USER_SERVER_NAME = "IOUserServerName";
    /** kIOUserServerTagKey: the server's tag, the registry entry ID of the service it was launched for. */
    public static final String IO_USER_SERVER_TAG = "IOUserServerTag";
    /** kIOUserClassKey: the dext-side class; the kernel-side service is named after it. */
    public static final String IO_USER_CLASS = "IOUserClass";
    /** kIOUserClassesKey: the dext-side class chain, leaf first. */
    public static final String IO_USER_CLASSES = "IOUserClasses";
    /** kIOUserServerCDHashKey. */
    public static final String IO_USER_SERVER_CD_HASH = "IOUserServerCDHash";
    /** kIOUserServerOneProcessKey: services of one IOUserServerName share one server. */
    public static final String IO_USER_SERVER_ONE_PROCESS = "IOUserServerOneProcess";
    /** kIOMatchedPersonalityKey: the whole personality a dext service was matched with. */
    public static final String IO_MATCHED_PERSONALITY = "IOMatchedPersonality";
    /** kIODEXTMatchCountKey: on a nub, how many dext personalities passed matchPassive. */
    public static final String IO_DEXT_MATCH_COUNT = "IODEXTMatchCount";
    /** gIOAssociatedServicesKey: on a server, the entry IDs of the services it hosts. */
    public static final String IO_ASSOCIATED_SERVICES = "IOAssociatedServices";
    /** kIORematchPersonalityKey / kIORematchCountKey: left on a provider when its dext's server dies. */
    public static final String IO_REMATCH_PERSONALITY = "IORematchPersonality";
    public static final String IO_REMATCH_COUNT = "IORematchCount";
    /** gIOModuleIdentifierKey: the bundle a personality comes from. */
    public static final String CF_BUNDLE_IDENTIFIER = "CFBundleIdentifier";
    /** The DriverKit convention for the properties of a dext's user client (IOService::Create's key). */
    public static final String USER_CLIENT_PROPERTIES = "UserClientProperties";

    /** The kernel-side classes. */
    public static final String IO_USER_SERVER = "IOUserServer";
    public static final String IO_USER_RESOURCES = "IOUserResources";
    public static final String IO_USER_USER_CLIENT = "IOUserUserClient";

    private DriverKitKeys() {
    }
}
