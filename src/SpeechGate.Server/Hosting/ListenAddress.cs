using System.Net;

namespace SpeechGate.Server.Hosting;

/// <summary>Resolves the host option into an address and tells loopback from exposed bindings.</summary>
internal static class ListenAddress
{
    public static bool IsLoopback(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public static IPAddress Resolve(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (host is "*" or "+")
        {
            return IPAddress.IPv6Any;
        }

        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new ArgumentException($"'{host}' is not an IP address; pass an address such as 127.0.0.1 or 0.0.0.0.", nameof(host));
    }
}
