using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SpeechGate.Caching;

/// <summary>Feeds typed fields into a SHA-256 with an unambiguous encoding: every value is length-prefixed or fixed-width.</summary>
internal sealed class SpeechCacheKeyWriter : IDisposable
{
    private const int Null = -1;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Write(string? value)
    {
        if (value is null)
        {
            WriteInt32(Null);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt32(bytes.Length);
        _hash.AppendData(bytes);
    }

    public void Write(long? value)
    {
        WritePresence(value.HasValue);
        Span<byte> buffer = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value.GetValueOrDefault());
        _hash.AppendData(buffer);
    }

    public void Write(double? value)
    {
        // Adding 0.0 turns -0.0 into 0.0, which the API treats the same.
        Write(value.HasValue ? BitConverter.DoubleToInt64Bits(value.Value + 0.0) : null);
    }

    public void Write(bool? value) => Write(value.HasValue ? (value.Value ? 1L : 0L) : null);

    public void Write<T>(IReadOnlyList<T>? items, Action<SpeechCacheKeyWriter, T> writeItem)
    {
        WriteInt32(items?.Count ?? 0);
        foreach (var item in items ?? [])
        {
            writeItem(this, item);
        }
    }

    /// <summary>The lowercase hex SHA-256 of everything written so far.</summary>
    public string ToHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();

    private void WritePresence(bool present) => WriteInt32(present ? 1 : Null);

    private void WriteInt32(int value)
    {
        Span<byte> buffer = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        _hash.AppendData(buffer);
    }
}
