package org.creditgate.core.auth;

/**
 * An upstream platform (上级平台: 省信用信息共享平台, 全国信用信息共享平台) allowed to push what it decided itself to the
 * gateway, such as a repair done at its level. Its id is the one the routing table and the ledger use.
 */
public record UpstreamPlatform(String id, String name) {
}
