using System.Net;
using System.Net.Sockets;

namespace AwarenessBot.Limits;

/// <summary>The partition key of a client: its IPv4 address, or its IPv6 /64 (one subscriber usually holds a whole /64).</summary>
internal static class ClientAddress
{
    /// <summary>In-process callers (TestServer) and Unix sockets have no IP address; they share one partition.</summary>
    public const string Local = "local";

    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return Local;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>True when the caller is this machine: a loopback address, or no network peer at all (in-process, Unix socket).</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
