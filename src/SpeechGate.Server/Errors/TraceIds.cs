using System.Security.Cryptography;

namespace SpeechGate.Server.Errors;

/// <summary>
/// Ids for <c>x-trace-id</c> and error bodies' <c>request_id</c>: 32 hex digits like upstream's, unique (a random
/// per-process prefix and a counter) and cheap: no random-number system call per request, as <see cref="Guid.NewGuid"/> makes.
/// </summary>
internal static class TraceIds
{
    private static readonly ulong Prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static long _counter;

    public static string Next()
        => string.Create(32, (ulong)Interlocked.Increment(ref _counter), static (span, counter) =>
        {
            Prefix.TryFormat(span, out _, "x16");
            counter.TryFormat(span[16..], out _, "x16");
        });
}
