namespace AwarenessBot.Limits;

/// <summary>
/// Where the client's address comes from (configuration section <c>ForwardedHeaders</c>). Off by default: the
/// connection's own address is used. Behind a reverse proxy or load balancer, turn it on and name the proxies, so
/// that <c>X-Forwarded-For</c> is believed only when it comes from them (otherwise anyone could pick an address).
/// </summary>
internal sealed class ClientAddressOptions
{
    public const string SectionName = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses whose X-Forwarded-For/-Proto/-Host are believed. Loopback is always trusted when enabled.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row to look through.</summary>
    public int ForwardLimit { get; set; } = 1;
}
